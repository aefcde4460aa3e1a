// SPDX-License-Identifier: Apache-2.0
import NN
import Torch

/// Six 3×3 conv + batch-norm + ReLU layers that turn a 32-px grey line into one feature column
/// per 4 input columns: pooling 2×2, 2×2, –, (2,1), (2,1) and a final (2,1)-kernel conv bring the
/// height from 32 to 1 while the width only shrinks by 4, so narrow characters keep columns.
public final class CompactConvTower: Module, Layer {
  public let convs: [Conv2d]
  public let norms: [BatchNorm2d]
  static let pools: [(Int, Int)?] = [(2, 2), (2, 2), nil, (2, 1), (2, 1), nil]

  public init(channels: [Int]) throws(TorchError) {
    precondition(channels.count == 6, "the compact tower has six conv layers")
    var convs: [Conv2d] = []
    var norms: [BatchNorm2d] = []
    var input = 1
    for (index, output) in channels.enumerated() {
      // The last conv spans the remaining 2 rows with no padding.
      let last = index == channels.count - 1
      convs.append(
        try Conv2d(
          inputChannels: input, outputChannels: output, kernelSize: last ? (2, 3) : (3, 3),
          padding: last ? (0, 1) : (1, 1), bias: false, weightInit: .kaimingNormal()))
      norms.append(try BatchNorm2d(channels: output))
      input = output
    }
    self.convs = convs
    self.norms = norms
    super.init()
    for index in convs.indices {
      register(convs[index], as: "conv\(index)")
      register(norms[index], as: "bn\(index)")
    }
  }

  /// x: [N, 1, 32, W] -> features [N, C, 1, ⌈W/4⌉].
  public func forward(_ x: Tensor) throws(TorchError) -> Tensor {
    precondition(
      x.rank == 4 && x.shape[1] == 1 && x.shape[2] == 32,
      "CompactConvTower expects [N, 1, 32, W], got \(x.shape)")
    var y = x
    for index in convs.indices {
      y = try norms[index](convs[index](y)).relu()
      if let pool = Self.pools[index] {
        y = try Functional.maxPool2d(y, kernel: pool, stride: pool, padding: (0, 0), ceilMode: true)
      }
    }
    return y
  }
}
