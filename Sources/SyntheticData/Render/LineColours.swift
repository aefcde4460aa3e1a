// SPDX-License-Identifier: Apache-2.0
import OCRData

/// Ink and ground in two colours of the same brightness (green on red, blue on grey): the
/// lines luma alone cannot tell apart, which the recognizer reads along their colours'
/// main axis instead (`Image.colourContrastGrey`). Drawn on the finished grey line, so a
/// coloured line is the grey one repainted.
public struct LineColours: Sendable, Equatable, Codable {
  /// Red, green and blue, 0–255.
  public var ink: [Int]
  public var ground: [Int]
  /// Uniform noise added to every channel of every pixel, up to this many levels either way.
  public var noise: Int

  /// Most BT.601 luma levels the two colours may differ by.
  static let lumaTolerance = 2.0
  /// Least distance in RGB between the two colours, so that the line is legible at all.
  static let leastDistance = 90.0

  /// A random ground of luma 90–200 and an ink of the same luma (within `lumaTolerance`), at
  /// least `leastDistance` apart; ±8 levels of noise.
  static func draw<G: RandomNumberGenerator>(using g: inout G) -> LineColours {
    while true {
      let ground = (0..<3).map { _ in Int.random(in: 30...240, using: &g) }
      let target = luma(ground)
      guard (90...200).contains(target) else { continue }
      // A random colour moved along grey to the ground's brightness, which keeps its hue.
      let hue = (0..<3).map { _ in Double.random(in: 0...255, using: &g) }
      let shift = target - luma(hue.map { Int($0.rounded()) })
      let ink = hue.map { max(0, min(255, Int(($0 + shift).rounded()))) }
      guard abs(luma(ink) - target) <= lumaTolerance, distance(ink, ground) >= leastDistance else { continue }
      return LineColours(ink: ink, ground: ground, noise: 8)
    }
  }

  static func luma(_ rgb: [Int]) -> Double {
    (SIMD3(Double(rgb[0]), Double(rgb[1]), Double(rgb[2])) * Image.lumaWeights).sum()
  }

  static func distance(_ a: [Int], _ b: [Int]) -> Double {
    zip(a, b).map { Double($0 - $1) * Double($0 - $1) }.reduce(0, +).squareRoot()
  }

  /// The grey `image` in these colours: each pixel's place between the line's darkest ink
  /// (its 1st percentile) and its paper (the median of its edges) set between `ink` and
  /// `ground`, plus noise.
  func applied<G: RandomNumberGenerator>(to image: Image, using g: inout G) -> Image {
    precondition(image.channels == 1, "LineColours paints grey lines")
    let darkest = Double(image.percentileRange.low)
    let paper = Double(Image.backgroundLevel(image))
    let span = max(1, paper - darkest)
    var pixels = [UInt8](repeating: 0, count: image.pixels.count * 3)
    for (index, grey) in image.pixels.enumerated() {
      let place = min(1, max(0, (Double(grey) - darkest) / span))
      for channel in 0..<3 {
        let clean = Double(ink[channel]) + place * Double(ground[channel] - ink[channel])
        let noisy = clean + Double(Int.random(in: -noise...noise, using: &g))
        pixels[3 * index + channel] = UInt8(max(0, min(255, noisy.rounded())))
      }
    }
    return Image(width: image.width, height: image.height, channels: 3, pixels: pixels)
  }
}
