// SPDX-License-Identifier: Apache-2.0
import OCRData

/// A finished line turned as a photo taken askew turns it, on a canvas large enough for all
/// of it, the corners filled with the line's own paper (the median grey of its edges).
enum LineTurn {
  /// `image` (grey) turned `degrees` counter-clockwise.
  static func turned(_ image: Image, degrees: Double) -> Image {
    image.rotated(counterClockwise: degrees, fill: Image.backgroundLevel(image))
  }
}
