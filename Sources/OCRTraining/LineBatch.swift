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
  /// The lines as images (for logging samples).
  public let lines: [Image]

  public init(images source: [Image], labels: [[Int]], texts: [String], maxWidth: Int, device: Device) throws
  {
    precondition(source.count == labels.count, "a batch needs one label per image")
    (images, widths) = try LineTensor.make(source, maxWidth: maxWidth, device: device)
    self.labels = labels
    self.texts = texts
    self.lines = source
  }
}
