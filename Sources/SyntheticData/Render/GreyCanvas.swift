// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRData

/// Standard normal samples, drawn once from a fixed seed.
enum GaussianTable {
  static let values: [Float] = {
    var g = SplitMix64(seed: 0x5EED)
    return (0..<8192).map { _ in
      let u1 = Double.random(in: Double.ulpOfOne..<1, using: &g), u2 = Double.random(in: 0..<1, using: &g)
      return Float((-2 * log(u1)).squareRoot() * cos(2 * .pi * u2))
    }
  }()
}

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
      let (w, h) = (width, height)
      let inverseCell = 1 / Float(cell)
      grid.withUnsafeBufferPointer { grid in
        values.withUnsafeMutableBufferPointer { values in
          for y in 0..<h {
            let fy = Float(y) * inverseCell
            let y0 = Int(fy), ty = fy - Float(y0)
            let upper = y0 * gw, lower = (y0 + 1) * gw
            for x in 0..<w {
              let fx = Float(x) * inverseCell
              let x0 = Int(fx), tx = fx - Float(x0)
              let top = grid[upper + x0] * (1 - tx) + grid[upper + x0 + 1] * tx
              let bottom = grid[lower + x0] * (1 - tx) + grid[lower + x0 + 1] * tx
              values[y * w + x] = level + top * (1 - ty) + bottom * ty
            }
          }
        }
      }
      if kind == .photo { addNoise(sigma: 0.03, using: &g) }
    }
  }

  /// Paints `coverage` (0…255) with ink luminance `ink` at (`x`, `y`) = the bitmap's top-left.
  /// `inkKept`, when given, scales the glyph's coverage column by column (one entry per
  /// canvas column), for faded bands.
  mutating func draw(
    _ glyph: GlyphBitmap, x originX: Int, y originY: Int, ink: Float, inkKept: [Float]? = nil
  ) {
    for row in 0..<glyph.height {
      let y = originY + row
      guard y >= 0 && y < height else { continue }
      for column in 0..<glyph.width {
        let x = originX + column
        guard x >= 0 && x < width else { continue }
        let alpha = Float(glyph.coverage[row * glyph.width + column]) / 255 * (inkKept?[x] ?? 1)
        if alpha > 0 { values[y * width + x] = values[y * width + x] * (1 - alpha) + ink * alpha }
      }
    }
  }

  /// A frame of ink `thickness` pixels wide along the canvas's edges.
  mutating func frame(thickness: Int, ink: Float) {
    fillRect(x: 0, y: 0, width: width, height: thickness, ink: ink)
    fillRect(x: 0, y: height - thickness, width: width, height: thickness, ink: ink)
    fillRect(x: 0, y: 0, width: thickness, height: height, ink: ink)
    fillRect(x: width - thickness, y: 0, width: thickness, height: height, ink: ink)
  }

  /// A horizontal or vertical bar of ink, clipped to the canvas (a tightly framed line has no
  /// room below its text for an underline).
  mutating func fillRect(x: Int, y: Int, width w: Int, height h: Int, ink: Float) {
    let top = max(0, y), bottom = min(height, y + h)
    let left = max(0, x), right = min(width, x + w)
    guard top < bottom && left < right else { return }
    for row in top..<bottom {
      for column in left..<right { values[row * width + column] = ink }
    }
  }

  /// Rotation (degrees), horizontal shear and a perspective narrowing of one end, applied by
  /// inverse mapping with bilinear sampling; uncovered pixels take the edge's value.
  func warped(rotation: Double, shear: Double, perspective: Double, narrowLeft: Bool) -> GreyCanvas {
    if rotation == 0 && shear == 0 && perspective == 0 { return self }
    var out = self
    let cx = Float(width) / 2, cy = Float(height) / 2
    let angle = Float(-rotation * .pi / 180)
    let (c, s) = (cos(angle), sin(angle))
    let shear = Float(shear), perspective = Float(perspective)
    let (w, h) = (width, height)
    values.withUnsafeBufferPointer { source in
      out.values.withUnsafeMutableBufferPointer { target in
        for x in 0..<w {
          // Rows shrink towards the centre line at one end.
          let t = Float(x) / Float(max(w - 1, 1))
          let rowScale = perspective == 0 ? 1 : max(1 - perspective * (narrowLeft ? 1 - t : t), 0.2)
          for y in 0..<h {
            let dy = (Float(y) - cy) / rowScale
            let dx = Float(x) - cx - shear * dy
            target[y * w + x] = Self.sample(
              source, width: w, height: h, x: c * dx - s * dy + cx, y: s * dx + c * dy + cy)
          }
        }
      }
    }
    return out
  }

  /// The value of a `width`×`height` canvas's `source` at (`x`, `y`), bilinear, with points
  /// outside taken at the nearest edge.
  @inline(__always)
  static func sample(_ source: UnsafeBufferPointer<Float>, width w: Int, height h: Int, x: Float, y: Float)
    -> Float
  {
    let fx = min(max(x, 0), Float(w - 1))
    let fy = min(max(y, 0), Float(h - 1))
    let x0 = Int(fx), y0 = Int(fy)
    let x1 = min(x0 + 1, w - 1), y1 = min(y0 + 1, h - 1)
    let tx = fx - Float(x0), ty = fy - Float(y0)
    let top = source[y0 * w + x0] * (1 - tx) + source[y0 * w + x1] * tx
    let bottom = source[y1 * w + x0] * (1 - tx) + source[y1 * w + x1] * tx
    return top * (1 - ty) + bottom * ty
  }

  /// Separable box blur of the given radius.
  mutating func blur(radius: Int) {
    guard radius > 0 else { return }
    var temp = values
    let norm = 1 / Float(2 * radius + 1)
    let (w, h) = (width, height)
    values.withUnsafeMutableBufferPointer { values in
      temp.withUnsafeMutableBufferPointer { temp in
        for y in 0..<h {
          for x in 0..<w {
            var sum: Float = 0
            for k in -radius...radius { sum += values[y * w + min(max(x + k, 0), w - 1)] }
            temp[y * w + x] = sum * norm
          }
        }
        for y in 0..<h {
          for x in 0..<w {
            var sum: Float = 0
            for k in -radius...radius { sum += temp[min(max(y + k, 0), h - 1) * w + x] }
            values[y * w + x] = sum * norm
          }
        }
      }
    }
  }

  /// Adds Gaussian noise of standard deviation `sigma`, read from a fixed table of normal
  /// samples at a random offset and stride (drawing fresh normals per pixel costs more than
  /// everything else in a line).
  mutating func addNoise<G: RandomNumberGenerator>(sigma: Double, using g: inout G) {
    guard sigma > 0 else { return }
    let table = GaussianTable.values
    let mask = table.count - 1
    var position = Int.random(in: 0..<table.count, using: &g)
    let stride = 2 * Int.random(in: 0..<(table.count / 2), using: &g) + 1  // odd: visits every entry
    let scale = Float(sigma)
    table.withUnsafeBufferPointer { normals in
      for i in values.indices {
        values[i] += normals[position] * scale
        position = (position + stride) & mask
      }
    }
  }

  mutating func invert() {
    for i in values.indices { values[i] = 1 - values[i] }
  }

  /// The canvas scaled to `outputHeight` keeping aspect (at most `maxWidth` wide), averaging by
  /// area unless told otherwise, still in floats so later noise is not quantised twice.
  func resized(toHeight outputHeight: Int, maxWidth: Int, method: ResizeMethod = .area) -> GreyCanvas {
    let newWidth = min(
      maxWidth, max(1, Int((Double(width) * Double(outputHeight) / Double(height)).rounded())))
    return resized(width: newWidth, height: outputHeight, method: method)
  }

  /// Scaled to `newWidth` × `newHeight` (averaging by area unless told otherwise).
  func resized(width newWidth: Int, height newHeight: Int, method: ResizeMethod = .area) -> GreyCanvas {
    var out = GreyCanvas(width: newWidth, height: newHeight, value: 0)
    out.values = Resampler.resize(
      values, width: width, height: height, channels: 1, toWidth: newWidth, height: newHeight, method: method)
    return out
  }

  /// The 8-bit grey image (clamped and rounded).
  func image() -> Image {
    Image(
      width: width, height: height, channels: 1,
      pixels: values.map { UInt8(max(0, min(255, $0 * 255 + 0.5))) })
  }
}
