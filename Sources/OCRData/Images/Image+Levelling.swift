// SPDX-License-Identifier: Apache-2.0
import Foundation

extension Image {
  /// The angle in degrees, counter-clockwise, at which a line's text runs (a line cropped
  /// square from a tilted photo), or nil when no angle up to `maximumTilt` lines the ink up
  /// clearly better than level does. The ink is taken as the pixels far from the background
  /// grey; the angle is the one under which they fall into the fewest, fullest rows.
  public func textTilt() -> Double? {
    let grey = grey()
    let ink = grey.inkPoints()
    guard ink.count >= 32 else { return nil }
    func score(_ degrees: Double) -> Double { Self.rowScore(ink, degrees: degrees) }
    var best = 0.0
    var bestScore = score(0)
    let levelScore = bestScore
    for step in stride(from: -Self.maximumTilt, through: Self.maximumTilt, by: 0.5) where step != 0 {
      let value = score(step)
      if value > bestScore { (best, bestScore) = (step, value) }
    }
    for step in stride(from: best - 0.4, through: best + 0.4, by: 0.1) {
      let value = score(step)
      if value > bestScore { (best, bestScore) = (step, value) }
    }
    guard abs(best) >= Self.smallestTilt, bestScore >= Self.tiltGain * levelScore else { return nil }
    // A short word has no direction to speak of: the ink must run at least three times
    // longer than the band it fills is high. Slight tilts (training tilts lines until their
    // ends differ by up to an em) and small text read about as well, or better, as drawn
    // than turned and resampled.
    let (along, across) = Self.extents(ink, degrees: best)
    let rise = along * abs(tan(best * .pi / 180))
    guard along >= 3 * across, rise > Self.readableRise * across, across >= Self.smallestLevelledText else {
      return nil
    }
    return best
  }

  /// The image turned so that its text runs level, on a canvas grown to hold it all, the new
  /// corners filled with the background grey; the image itself when `textTilt()` finds no
  /// clear tilt. In grey.
  public func levelled() -> Image {
    let grey = grey()
    guard let tilt = grey.textTilt() else { return grey }
    return grey.levelled(fromTilt: tilt)
  }

  /// The image turned level from text that runs at `tilt` degrees counter-clockwise (as
  /// `textTilt()` finds it), the new corners filled with the background grey. In grey.
  public func levelled(fromTilt tilt: Double) -> Image {
    let grey = grey()
    return grey.rotated(counterClockwise: -tilt, fill: Self.backgroundLevel(grey))
  }

  /// Largest tilt looked for, in degrees either way.
  public static let maximumTilt = 15.0
  /// Tilts under this many degrees are left alone: the model reads them as they are.
  public static let smallestTilt = 1.5
  /// How far, in heights of the text band, a line's ends may differ and be read as they are
  /// (0.5 and 1.25 read the 2,000 held-out lines 0.16 points worse and tilted lines worse).
  public static let readableRise = 0.75
  /// Text bands under this many pixels high are left tilted.
  public static let smallestLevelledText = 12.0
  /// How much fuller the rows must be at the found tilt than level.
  public static let tiltGain = 1.2

  /// The grey image turned `degrees` counter-clockwise about its centre (bilinear), on a
  /// canvas large enough for all of it.
  public func rotated(counterClockwise degrees: Double, fill: UInt8) -> Image {
    precondition(channels == 1, "rotated(counterClockwise:fill:) takes a grey image")
    let radians = degrees * .pi / 180
    let (c, s) = (cos(radians), sin(radians))
    // Less a hair before rounding up, so that 90° (cos 6e-17) does not add a pixel.
    let newWidth = Int((Double(width) * abs(c) + Double(height) * abs(s) - 1e-6).rounded(.up))
    let newHeight = Int((Double(width) * abs(s) + Double(height) * abs(c) - 1e-6).rounded(.up))
    let (centreX, centreY) = (Double(width - 1) / 2, Double(height - 1) / 2)
    let (newCentreX, newCentreY) = (Double(newWidth - 1) / 2, Double(newHeight - 1) / 2)
    var out = [UInt8](repeating: fill, count: newWidth * newHeight)
    for y in 0..<newHeight {
      let dy = Double(y) - newCentreY
      for x in 0..<newWidth {
        let dx = Double(x) - newCentreX
        // Where this pixel comes from: the inverse of the turn.
        let sourceX = centreX + dx * c - dy * s
        let sourceY = centreY + dx * s + dy * c
        out[y * newWidth + x] = sample(x: sourceX, y: sourceY, fill: fill)
      }
    }
    return Image(width: newWidth, height: newHeight, channels: 1, pixels: out)
  }

  private func sample(x: Double, y: Double, fill: UInt8) -> UInt8 {
    let (left, top) = (Int(x.rounded(.down)), Int(y.rounded(.down)))
    let (fx, fy) = (x - Double(left), y - Double(top))
    func value(_ column: Int, _ row: Int) -> Double {
      guard column >= 0, column < width, row >= 0, row < height else { return Double(fill) }
      return Double(pixels[row * width + column])
    }
    let upper = value(left, top) * (1 - fx) + value(left + 1, top) * fx
    let lower = value(left, top + 1) * (1 - fx) + value(left + 1, top + 1) * fx
    return UInt8(max(0, min(255, (upper * (1 - fy) + lower * fy).rounded())))
  }

  /// The positions of a grey image's ink: pixels at least half as far from the background
  /// grey as the farthest 2 % are (and at least 32 greys), at most 20,000 of them, evenly
  /// taken.
  private func inkPoints() -> [(x: Double, y: Double)] {
    let background = Int(Self.backgroundLevel(self))
    let distances = pixels.map { abs(Int($0) - background) }
    var histogram = [Int](repeating: 0, count: 256)
    for distance in distances { histogram[distance] += 1 }
    var far = 255, nearer = distances.count
    while far > 0, nearer - histogram[far] >= distances.count * 98 / 100 {
      nearer -= histogram[far]
      far -= 1
    }
    let threshold = max(32, far / 2)
    var points: [(x: Double, y: Double)] = []
    for (index, distance) in distances.enumerated() where distance >= threshold {
      points.append((Double(index % width), Double(index / width)))
    }
    guard points.count > 20_000 else { return points }
    let stride = (points.count + 19_999) / 20_000
    return Swift.stride(from: 0, to: points.count, by: stride).map { points[$0] }
  }

  /// How tightly the points gather into rows when read at `degrees`: the sum of the squared
  /// counts of one-pixel bands across that direction.
  private static func rowScore(_ points: [(x: Double, y: Double)], degrees: Double) -> Double {
    let radians = degrees * .pi / 180
    let (c, s) = (cos(radians), sin(radians))
    // |y·cos + x·sin| stays under x + y + 1, so bands shifted by the largest point's x + y
    // never go below zero.
    let offset = points.reduce(0) { max($0, Int($1.x + $1.y) + 1) }
    var counts = [Int](repeating: 0, count: 2 * offset + 1)
    for point in points { counts[Int((point.y * c + point.x * s).rounded(.down)) + offset] += 1 }
    return counts.reduce(0) { $0 + Double($1 * $1) }
  }

  /// The spread (5th to 95th percentile) of the points along and across `degrees`.
  private static func extents(_ points: [(x: Double, y: Double)], degrees: Double) -> (
    along: Double, across: Double
  ) {
    let radians = degrees * .pi / 180
    let (c, s) = (cos(radians), sin(radians))
    return (
      points.map { $0.x * c - $0.y * s }.spread(percent: 5),
      points.map { $0.y * c + $0.x * s }.spread(percent: 5)
    )
  }
}
