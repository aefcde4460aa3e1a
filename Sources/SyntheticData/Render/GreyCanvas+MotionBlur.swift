// SPDX-License-Identifier: Apache-2.0
import Foundation

extension GreyCanvas {
  /// Camera shake: each pixel becomes the mean of the canvas sampled (`sample`) at one-pixel
  /// steps along a segment `length` pixels long through it, running at `degrees`
  /// counter-clockwise from the horizontal.
  mutating func motionBlur(length: Double, degrees: Double) {
    let steps = Int(length.rounded())
    guard steps >= 2 else { return }
    let radians = degrees * .pi / 180
    let (dx, dy) = (Float(cos(radians)), Float(-sin(radians)))
    let offsets = (0..<steps).map { Float($0) - Float(steps - 1) / 2 }
    let norm = 1 / Float(steps)
    let (w, h) = (width, height)
    var out = values
    values.withUnsafeBufferPointer { source in
      out.withUnsafeMutableBufferPointer { target in
        for y in 0..<h {
          for x in 0..<w {
            var sum: Float = 0
            for t in offsets {
              sum += Self.sample(source, width: w, height: h, x: Float(x) + t * dx, y: Float(y) + t * dy)
            }
            target[y * w + x] = sum * norm
          }
        }
      }
    }
    values = out
  }
}
