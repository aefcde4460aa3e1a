// SPDX-License-Identifier: Apache-2.0
import OCRData

/// A picture of where the decoder looked: the input line on top, then one strip per recognised
/// character whose brightness is the attention weight on each 4-px feature column.
public enum AttentionPicture {
  public static func make(line: Image, attention: [[Float]], stripHeight: Int = 8) -> Image {
    let grey = line.grey()
    let height = grey.height + attention.count * (stripHeight + 1)
    var picture = Image(width: grey.width, height: height, channels: 1, value: 0)
    picture.paste(grey, x: 0, y: 0)
    for (index, weights) in attention.enumerated() {
      let peak = max(weights.max() ?? 1, 1e-6)
      var strip = Image(width: grey.width, height: stripHeight, channels: 1, value: 0)
      for x in 0..<grey.width {
        let column = min(weights.count - 1, x / CompactConfig.widthReduction)
        let value = UInt8(max(0, min(255, weights[max(column, 0)] / peak * 255)))
        for y in 0..<stripHeight { strip.pixels[y * grey.width + x] = value }
      }
      picture.paste(strip, x: 0, y: grey.height + 1 + index * (stripHeight + 1))
    }
    return picture
  }
}
