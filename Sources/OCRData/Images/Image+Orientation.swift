// SPDX-License-Identifier: Apache-2.0

extension Image {
  /// The image as it is meant to be seen, given how it was stored.
  public func oriented(_ orientation: ExifOrientation) -> Image {
    guard orientation != .upright else { return self }
    let (outWidth, outHeight) = orientation.swapsSides ? (height, width) : (width, height)
    var out = [UInt8](repeating: 0, count: pixels.count)
    for y in 0..<outHeight {
      for x in 0..<outWidth {
        let (sourceX, sourceY): (Int, Int)
        switch orientation {
        case .upright: (sourceX, sourceY) = (x, y)
        case .mirrored: (sourceX, sourceY) = (width - 1 - x, y)
        case .upsideDown: (sourceX, sourceY) = (width - 1 - x, height - 1 - y)
        case .flipped: (sourceX, sourceY) = (x, height - 1 - y)
        case .transposed: (sourceX, sourceY) = (y, x)
        case .turnedLeft: (sourceX, sourceY) = (y, height - 1 - x)
        case .transversed: (sourceX, sourceY) = (width - 1 - y, height - 1 - x)
        case .turnedRight: (sourceX, sourceY) = (width - 1 - y, x)
        }
        let from = (sourceY * width + sourceX) * channels, to = (y * outWidth + x) * channels
        for channel in 0..<channels { out[to + channel] = pixels[from + channel] }
      }
    }
    return Image(width: outWidth, height: outHeight, channels: channels, pixels: out)
  }
}
