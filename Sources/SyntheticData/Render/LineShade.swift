// SPDX-License-Identifier: Apache-2.0
import OCRData

/// Light that falls unevenly over a photographed line, multiplying its brightness: a shadow
/// whose soft edge crosses the line, or light falling off from one end to the other. Drawn
/// on the finished line, so a shaded line is the unshaded one in that light.
public struct LineShade: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable {
    /// Dark on one side of an edge, lit on the other.
    case shadow
    /// Brightness falling evenly from one end to the other.
    case gradient
  }

  public var kind: Kind
  /// Share of its brightness the darkest part keeps.
  public var floor: Double
  /// Whether the dark side is the left one.
  public var darkOnLeft: Bool
  /// A shadow's edge: the middle of its ramp as a share of the width, the ramp's width as a
  /// share of the width (at least 2 px), and its slant in pixels a row.
  public var edge = 0.5
  public var edgeWidth = 0.0
  public var slant = 0.0

  /// Half shadows, half gradients, keeping 0.3–0.5 of the light at their darkest; shadows'
  /// edges at 0.3–0.7 of the width, up to 0.15 of it wide, slanted up to half a pixel a row.
  static func draw<G: RandomNumberGenerator>(using g: inout G) -> LineShade {
    var shade = LineShade(
      kind: Bool.random(using: &g) ? .shadow : .gradient, floor: Double.random(in: 0.3...0.5, using: &g),
      darkOnLeft: Bool.random(using: &g))
    if shade.kind == .shadow {
      shade.edge = Double.random(in: 0.3...0.7, using: &g)
      shade.edgeWidth = Double.random(in: 0...0.15, using: &g)
      shade.slant = Double.random(in: -0.5...0.5, using: &g)
    }
    return shade
  }

  /// The share of its light pixel (`x`, `y`) of a `width` × `height` line keeps.
  func light(x: Int, y: Int, width: Int, height: Int) -> Double {
    // How far into the dark side the pixel is: 0 fully lit … 1 fully dark.
    var darkness: Double
    switch kind {
    case .gradient:
      darkness = width > 1 ? Double(x) / Double(width - 1) : 0
    case .shadow:
      let ramp = max(2, edgeWidth * Double(width))
      let middle = edge * Double(width) + slant * (Double(y) - Double(height) / 2)
      darkness = min(1, max(0, (Double(x) + 0.5 - middle) / ramp + 0.5))
    }
    if darkOnLeft { darkness = 1 - darkness }
    return 1 - (1 - floor) * darkness
  }

  /// `image` in this light (every channel alike).
  func applied(to image: Image) -> Image {
    var pixels = image.pixels
    for y in 0..<image.height {
      for x in 0..<image.width {
        let light = self.light(x: x, y: y, width: image.width, height: image.height)
        for channel in 0..<image.channels {
          let index = (y * image.width + x) * image.channels + channel
          pixels[index] = UInt8((Double(pixels[index]) * light).rounded())
        }
      }
    }
    return Image(width: image.width, height: image.height, channels: image.channels, pixels: pixels)
  }
}
