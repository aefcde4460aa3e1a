// SPDX-License-Identifier: Apache-2.0

/// An 8-bit image: `channels` (1 grey or 3 RGB) interleaved bytes per pixel, rows top to bottom.
public struct Image: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public let channels: Int
  public var pixels: [UInt8]

  public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
    precondition(channels == 1 || channels == 3, "Image channels must be 1 or 3, got \(channels)")
    precondition(width > 0 && height > 0, "Image size must be positive, got \(width)×\(height)")
    precondition(
      pixels.count == width * height * channels, "pixel count does not match \(width)×\(height)×\(channels)")
    self.width = width
    self.height = height
    self.channels = channels
    self.pixels = pixels
  }

  /// A uniform image.
  public init(width: Int, height: Int, channels: Int, value: UInt8) {
    self.init(
      width: width, height: height, channels: channels,
      pixels: [UInt8](repeating: value, count: width * height * channels))
  }

  /// The ITU-R BT.601 luma weights of red, green and blue, which `grey()` applies in
  /// thousandths.
  public static let lumaWeights = SIMD3<Double>(0.299, 0.587, 0.114)

  /// Grey version (ITU-R BT.601 luma, as PIL's "L" and libjpeg use).
  public func grey() -> Image {
    guard channels == 3 else { return self }
    var out = [UInt8](repeating: 0, count: width * height)
    pixels.withUnsafeBufferPointer { rgb in
      for i in 0..<(width * height) {
        let luma = 299 * Int(rgb[3 * i]) + 587 * Int(rgb[3 * i + 1]) + 114 * Int(rgb[3 * i + 2])
        out[i] = UInt8((luma + 500) / 1000)
      }
    }
    return Image(width: width, height: height, channels: 1, pixels: out)
  }

  /// RGB version (grey replicated).
  public func rgb() -> Image {
    guard channels == 1 else { return self }
    var out = [UInt8](repeating: 0, count: width * height * 3)
    for i in 0..<(width * height) {
      out[3 * i] = pixels[i]
      out[3 * i + 1] = pixels[i]
      out[3 * i + 2] = pixels[i]
    }
    return Image(width: width, height: height, channels: 3, pixels: out)
  }

  /// The `channels` version of this image.
  public func converted(toChannels target: Int) -> Image { target == 1 ? grey() : rgb() }

  /// The rectangle at (`x`, `y`) of `width`×`height`, which must lie inside the image.
  public func cropped(x: Int, y: Int, width w: Int, height h: Int) -> Image {
    precondition(x >= 0 && y >= 0 && x + w <= width && y + h <= height, "crop outside the image")
    var out = [UInt8]()
    out.reserveCapacity(w * h * channels)
    for row in y..<(y + h) {
      let start = (row * width + x) * channels
      out += pixels[start..<(start + w * channels)]
    }
    return Image(width: w, height: h, channels: channels, pixels: out)
  }
}
