// SPDX-License-Identifier: Apache-2.0
import NN
import Torch

/// A toy recognition task for checks and tests: sequences of digits drawn as 8-pixel-high columns whose lit rows spell each digit in binary.
public struct ToySequenceTask {
  public static let classes = 10
  public static let length = 6
  private var state: UInt64

  public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

  private mutating func nextDigit() -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(Self.classes))
  }

  /// images [N, 1, 8, 2·length], targets [N, length] (int64).
  public mutating func batch(size: Int, device: Device) throws(TorchError) -> (Tensor, Tensor) {
    let labels = (0..<size).map { _ in (0..<Self.length).map { _ in nextDigit() } }
    let width = Self.length * 2
    var pixels = [Float](repeating: 0, count: size * 8 * width)
    for (n, label) in labels.enumerated() {
      for (t, digit) in label.enumerated() {
        for row in 0..<8 where (digit >> (row / 2)) & 1 == 1 {
          pixels[(n * 8 + row) * width + 2 * t] = 1
          pixels[(n * 8 + row) * width + 2 * t + 1] = 1
        }
      }
    }
    let images = try Tensor(pixels, shape: [size, 1, 8, width]).to(device)
    let targets = try Tensor(labels.flatMap { $0.map(Int64.init) }, shape: [size, Self.length]).to(device)
    return (images, targets)
  }
}
