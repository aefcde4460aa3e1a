// SPDX-License-Identifier: Apache-2.0
import OCRData
import Torch

/// The model's input layout: grey lines of one height padded on the right to a common width
/// (a multiple of the tower's width reduction), pixels scaled to −1…1, padding at −1 (black).
public enum LineTensor {
  /// [N, 1, H, W] and each line's content width in pixels; at least `trailingBlank` columns of
  /// padding follow every line (within `maxWidth`).
  public static func make(
    _ lines: [Image], maxWidth: Int = .max, trailingBlank: Int = 0, device: Device = .cpu
  ) throws(TorchError)
    -> (
      Tensor, [Int]
    )
  {
    precondition(!lines.isEmpty, "a batch needs at least one line")
    let height = lines[0].height
    let reduction = CompactConfig.widthReduction
    let width =
      (min(maxWidth, lines.map(\.width).max()! + trailingBlank) + reduction - 1) / reduction * reduction
    var pixels = [Float](repeating: -1, count: lines.count * height * width)
    var widths: [Int] = []
    for (n, line) in lines.enumerated() {
      precondition(line.channels == 1 && line.height == height, "lines must be grey and \(height) px high")
      let columns = min(line.width, width)
      for row in 0..<height {
        for column in 0..<columns {
          pixels[(n * height + row) * width + column] =
            Float(line.pixels[row * line.width + column]) / 127.5 - 1
        }
      }
      widths.append(columns)
    }
    return (try Tensor(pixels, shape: [lines.count, 1, height, width]).to(device), widths)
  }
}
