// SPDX-License-Identifier: Apache-2.0
import OCRData
import OCRModel
import Torch

/// A batch ready for the compact model: grey lines padded on the right to a common width.
public struct LineBatch {
  /// [N, 1, H, W], pixels scaled to −1…1.
  public let images: Tensor
  /// Content width of each line in pixels (columns beyond are padding).
  public let widths: [Int]
  public let labels: [[Int]]
  public let texts: [String]

  /// Pads every image (grey, already `height` high) to the widest one, rounded up to a
  /// multiple of 4 (the tower's width reduction), at most `maxWidth`.
  public init(images source: [Image], labels: [[Int]], texts: [String], maxWidth: Int, device: Device) throws
  {
    precondition(!source.isEmpty && source.count == labels.count, "a batch needs images and labels")
    let height = source[0].height
    let widest = min(maxWidth, source.map(\.width).max()!)
    let width =
      (widest + CompactConfig.widthReduction - 1) / CompactConfig.widthReduction
      * CompactConfig.widthReduction
    var pixels = [Float](repeating: -1, count: source.count * height * width)
    var widths: [Int] = []
    for (n, image) in source.enumerated() {
      precondition(
        image.channels == 1 && image.height == height, "batch images must be grey and \(height) px high")
      let columns = min(image.width, width)
      for row in 0..<height {
        for column in 0..<columns {
          pixels[(n * height + row) * width + column] =
            Float(image.pixels[row * image.width + column]) / 127.5 - 1
        }
      }
      widths.append(columns)
    }
    self.images = try Tensor(pixels, shape: [source.count, 1, height, width]).to(device)
    self.widths = widths
    self.labels = labels
    self.texts = texts
  }

  /// A grey line scaled to `height` keeping aspect (at most `maxWidth`), as the model wants it.
  public static func prepare(_ image: Image, height: Int, maxWidth: Int) -> Image {
    image.grey().resized(toHeight: height, maxWidth: maxWidth)
  }
}
