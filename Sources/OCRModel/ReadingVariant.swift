// SPDX-License-Identifier: Apache-2.0
import OCRData

/// A way to present a prepared line to the model once more. The model reads some lines better
/// a little smaller, larger or wider than preparation makes them, and its confidences are
/// calibrated, so reading a line several ways and keeping the most confident reading is right
/// more often than any one way (stage 16 on 2,000 held-out lines: 94.25 % / 81.45 % as
/// prepared; with the smaller way 94.65 % / 83.55 %; with the larger one too 95.29 % / 84.95 %;
/// docs/models.md).
public enum ReadingVariant: Int, CaseIterable, Sendable {
  /// The line as prepared.
  case asPrepared
  /// Text at 0.8 of its size: an eighth of the height added as blank above and below.
  case smaller
  /// Text at 1.23 of its size: a tenth of the height (3 of 32 px) cut off above and below, the
  /// rest enlarged to the height by cubic convolution. Training draws margins of up to 0.6 em,
  /// and the model reads small text in wide margins worse.
  case larger
  /// 1.15 times as wide.
  case wider

  /// `line` (grey, at the model's height) presented this way, at the same height.
  public func applied(to line: Image) -> Image {
    switch self {
    case .asPrepared:
      return line
    case .smaller:
      return line.padded(vertically: max(1, line.height / 8)).resized(toHeight: line.height)
    case .larger:
      let cut = max(1, line.height / 10)
      return line.cropped(x: 0, y: cut, width: line.width, height: line.height - 2 * cut)
        .resized(toHeight: line.height, method: .bicubic)
    case .wider:
      return line.resized(width: Int((Double(line.width) * 1.15).rounded()), height: line.height)
    }
  }
}
