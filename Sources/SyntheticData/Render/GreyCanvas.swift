// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRData

/// A grey image of floats in 0…1 (1 = white) that the line renderer paints and distorts.
/// Every operation works on the whole image, so it costs the same whatever was drawn.
struct GreyCanvas {
  let width: Int
  let height: Int
  var values: [Float]

  init(width: Int, height: Int, value: Float) {
    self.width = width
    self.height = height
    values = [Float](repeating: value, count: width * height)
  }

  /// Fills with a background of the given kind around luminance `level`.
  mutating func paintBackground<G: RandomNumberGenerator>(
    _ kind: BackgroundKind, level: Float, using g: inout G
  ) {
    switch kind {
    case .flat:
      for i in values.indices { values[i] = level }
    case .gradient:
      let other = min(1, max(0, level + Float.random(in: -0.25...0.25, using: &g)))
      let horizontal = Bool.random(using: &g)
      for y in 0..<height {
        for x in 0..<width {
          let t = horizontal ? Float(x) / Float(max(width - 1, 1)) : Float(y) / Float(max(height - 1, 1))
          values[y * width + x] = level * (1 - t) + other * t
        }
      }
    case .texture, .photo:
      // Smooth blotches from a coarse random grid, bilinearly enlarged; "photo" adds grain.
      let cell = kind == .texture ? Int.random(in: 4...10, using: &g) : Int.random(in: 8...24, using: &g)
      let amplitude: Float = kind == .texture ? 0.12 : 0.25
      let gw = width / cell + 2, gh = height / cell + 2
      let grid = (0..<(gw * gh)).map { _ in Float.random(in: -amplitude...amplitude, using: &g) }
      for y in 0..<height {
        let fy = Float(y) / Float(cell)
        let y0 = Int(fy), ty = fy - Float(y0)
        for x in 0..<width {
          let fx = Float(x) / Float(cell)
          let x0 = Int(fx), tx = fx - Float(x0)
          let top = grid[y0 * gw + x0] * (1 - tx) + grid[y0 * gw + x0 + 1] * tx
          let bottom = grid[(y0 + 1) * gw + x0] * (1 - tx) + grid[(y0 + 1) * gw + x0 + 1] * tx
          values[y * width + x] = level + top * (1 - ty) + bottom * ty
        }
      }
      if kind == .photo {
        for i in values.indices { values[i] += Float.random(in: -0.04...0.04, using: &g) }
      }
    }
  }

  /// Paints `coverage` (0…255) with ink luminance `ink` at (`x`, `y`) = the bitmap's top-left.
  mutating func draw(_ glyph: GlyphBitmap, x originX: Int, y originY: Int, ink: Float) {
    for row in 0..<glyph.height {
      let y = originY + row
      guard y >= 0 && y < height else { continue }
      for column in 0..<glyph.width {
        let x = originX + column
        guard x >= 0 && x < width else { continue }
        let alpha = Float(glyph.coverage[row * glyph.width + column]) / 255
        if alpha > 0 { values[y * width + x] = values[y * width + x] * (1 - alpha) + ink * alpha }
      }
    }
  }

  /// A horizontal or vertical bar of ink.
  mutating func fillRect(x: Int, y: Int, width w: Int, height h: Int, ink: Float) {
    for row in max(0, y)..<min(height, y + h) {
      for column in max(0, x)..<min(width, x + w) { values[row * width + column] = ink }
    }
  }

  /// Rotation (degrees), horizontal shear and a perspective narrowing of one end, applied by
  /// inverse mapping with bilinear sampling; uncovered pixels take the edge's value.
  func warped(rotation: Double, shear: Double, perspective: Double, narrowLeft: Bool) -> GreyCanvas {
    if rotation == 0 && shear == 0 && perspective == 0 { return self }
    var out = self
    let cx = Double(width) / 2, cy = Double(height) / 2
    let angle = -rotation * .pi / 180
    let (c, s) = (cos(angle), sin(angle))
    for y in 0..<height {
      for x in 0..<width {
        var dx = Double(x) - cx, dy = Double(y) - cy
        if perspective != 0 {
          // Rows shrink towards the centre line at one end.
          let t = Double(x) / Double(max(width - 1, 1))
          let scale = 1 - perspective * (narrowLeft ? 1 - t : t)
          dy /= max(scale, 0.2)
        }
        dx -= shear * dy
        let sx = c * dx - s * dy + cx, sy = s * dx + c * dy + cy
        out.values[y * width + x] = sample(x: sx, y: sy)
      }
    }
    return out
  }

  private func sample(x: Double, y: Double) -> Float {
    let fx = min(max(x, 0), Double(width - 1)), fy = min(max(y, 0), Double(height - 1))
    let x0 = Int(fx), y0 = Int(fy)
    let x1 = min(x0 + 1, width - 1), y1 = min(y0 + 1, height - 1)
    let tx = Float(fx - Double(x0)), ty = Float(fy - Double(y0))
    let top = values[y0 * width + x0] * (1 - tx) + values[y0 * width + x1] * tx
    let bottom = values[y1 * width + x0] * (1 - tx) + values[y1 * width + x1] * tx
    return top * (1 - ty) + bottom * ty
  }

  /// Separable box blur of the given radius.
  mutating func blur(radius: Int) {
    guard radius > 0 else { return }
    var temp = values
    let norm = 1 / Float(2 * radius + 1)
    for y in 0..<height {
      for x in 0..<width {
        var sum: Float = 0
        for k in -radius...radius { sum += values[y * width + min(max(x + k, 0), width - 1)] }
        temp[y * width + x] = sum * norm
      }
    }
    for y in 0..<height {
      for x in 0..<width {
        var sum: Float = 0
        for k in -radius...radius { sum += temp[min(max(y + k, 0), height - 1) * width + x] }
        values[y * width + x] = sum * norm
      }
    }
  }

  /// Adds Gaussian noise of standard deviation `sigma` (Box–Muller).
  mutating func addNoise<G: RandomNumberGenerator>(sigma: Double, using g: inout G) {
    guard sigma > 0 else { return }
    var i = 0
    while i < values.count {
      let u1 = Float.random(in: Float.ulpOfOne..<1, using: &g), u2 = Float.random(in: 0..<1, using: &g)
      let r = (-2 * log(u1)).squareRoot() * Float(sigma)
      values[i] += r * cos(2 * .pi * u2)
      if i + 1 < values.count { values[i + 1] += r * sin(2 * .pi * u2) }
      i += 2
    }
  }

  mutating func invert() {
    for i in values.indices { values[i] = 1 - values[i] }
  }

  /// The 8-bit grey image (clamped and rounded).
  func image() -> Image {
    Image(
      width: width, height: height, channels: 1,
      pixels: values.map { UInt8(max(0, min(255, ($0 * 255).rounded()))) })
  }
}
