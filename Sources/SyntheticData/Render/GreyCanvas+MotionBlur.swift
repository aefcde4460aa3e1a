// SPDX-License-Identifier: Apache-2.0
import Foundation

extension GreyCanvas {
  /// Camera shake: each pixel becomes the mean of the canvas sampled (bilinear, edges
  /// repeated) at one-pixel steps along a segment `length` pixels long through it, running at
  /// `degrees` counter-clockwise from the horizontal.
  mutating func motionBlur(length: Double, degrees: Double) {
    let steps = Int(length.rounded())
    guard steps >= 2 else { return }
    let radians = degrees * .pi / 180
    let (dx, dy) = (Float(cos(radians)), Float(-sin(radians)))
    let offsets = (0..<steps).map { Float($0) - Float(steps - 1) / 2 }
    let norm = 1 / Float(steps)
    let (w, h) = (width, height)
    let (maxX, maxY) = (Float(w - 1), Float(h - 1))
    var out = values
    values.withUnsafeBufferPointer { source in
      out.withUnsafeMutableBufferPointer { target in
        for y in 0..<h {
          for x in 0..<w {
            var sum: Float = 0
            for t in offsets {
              let sx = min(max(Float(x) + t * dx, 0), maxX)
              let sy = min(max(Float(y) + t * dy, 0), maxY)
              let (x0, y0) = (Int(sx), Int(sy))
              let (x1, y1) = (min(x0 + 1, w - 1), min(y0 + 1, h - 1))
              let (fx, fy) = (sx - Float(x0), sy - Float(y0))
              let upper = source[y0 * w + x0] * (1 - fx) + source[y0 * w + x1] * fx
              let lower = source[y1 * w + x0] * (1 - fx) + source[y1 * w + x1] * fx
              sum += upper * (1 - fy) + lower * fy
            }
            target[y * w + x] = sum * norm
          }
        }
      }
    }
    values = out
  }
}
