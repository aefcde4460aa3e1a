// SPDX-License-Identifier: Apache-2.0

extension Image {
  /// Copies `other` (same channel count) with its top-left corner at (`x`, `y`), clipped to
  /// this image.
  public mutating func paste(_ other: Image, x: Int, y: Int) {
    precondition(other.channels == channels, "paste needs matching channels")
    for row in 0..<other.height {
      let targetY = y + row
      guard targetY >= 0 && targetY < height else { continue }
      let first = max(0, -x), last = min(other.width, width - x)
      guard first < last else { continue }
      let source = (row * other.width + first) * channels
      let target = (targetY * width + x + first) * channels
      pixels.replaceSubrange(
        target..<(target + (last - first) * channels),
        with: other.pixels[source..<(source + (last - first) * channels)])
    }
  }

  /// The image with `margin` columns added on either side, in the grey of its border (its
  /// outermost pixels' median): a piece cut from a line gets the blank a line's ends have.
  public func padded(horizontally margin: Int) -> Image {
    var out = Image(
      width: width + 2 * margin, height: height, channels: channels, value: Self.backgroundLevel(grey()))
    out.paste(self, x: margin, y: 0)
    return out
  }

  /// The image with `margin` rows added above and below, in the grey of its border.
  public func padded(vertically margin: Int) -> Image {
    var out = Image(
      width: width, height: height + 2 * margin, channels: channels, value: Self.backgroundLevel(grey()))
    out.paste(self, x: 0, y: margin)
    return out
  }
}
