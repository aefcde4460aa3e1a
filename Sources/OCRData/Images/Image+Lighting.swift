// SPDX-License-Identifier: Apache-2.0

extension Image {
  /// The grey image of dark text on a light ground with uneven lighting taken out: a shadow
  /// across a receipt, a page that darkens towards its fold. Each pixel is divided by the ground
  /// around it, so the whole ground comes out as light as its lit part. The ground is the
  /// image closed (lightest, then darkest, grey within a square as wide as the image is short):
  /// closing wipes out strokes thinner than the square, as a character's are, and keeps a
  /// shadow's edge where it is (blurring the ground as well left a dark band along the edge).
  /// Evenly lit lines, whose ground varies less than `unevenLighting`, are left as they are.
  public func evenlyLit() -> Image {
    let grey = grey()
    let window = min(grey.width, grey.height)
    guard window >= 3 else { return grey }
    let ground = grey.closed(radius: window / 2)
    let (dim, lit) = ground.groundRange
    guard lit > 0, Double(dim) < Self.unevenLighting * Double(lit) else { return grey }
    let pixels = zip(grey.pixels, ground.pixels).map { value, under in
      UInt8(min(255, (Double(value) * Double(lit) / Double(max(under, value, 1))).rounded()))
    }
    return Image(width: width, height: height, channels: 1, pixels: pixels)
  }

  /// A ground whose 5th percentile is darker than this fraction of its 95th counts as unevenly lit.
  public static let unevenLighting = 0.8

  /// The 5th and 95th percentiles of a grey image.
  private var groundRange: (dim: Int, lit: Int) {
    let histogram = greyHistogram
    return (
      Self.value(at: pixels.count * 5 / 100, in: histogram),
      Self.value(at: pixels.count * 95 / 100, in: histogram)
    )
  }

  /// Morphological closing of a grey image: the lightest grey within `radius` either way, then
  /// the darkest of those.
  func closed(radius: Int) -> Image {
    slidingExtreme(radius: radius, lightest: true).slidingExtreme(radius: radius, lightest: false)
  }

  /// Each pixel replaced by the lightest (or darkest) grey in the square of side 2·`radius` + 1
  /// around it, clipped to the image; rows, then columns.
  private func slidingExtreme(radius: Int, lightest: Bool) -> Image {
    var out = pixels
    let better: (UInt8, UInt8) -> Bool = lightest ? { $0 >= $1 } : { $0 <= $1 }
    // A row or column of `count` values `step` apart from `start`, in place.
    func pass(start: Int, step: Int, count: Int) {
      let line = (0..<count).map { out[start + $0 * step] }
      var candidates: [Int] = []  // indices whose values run from best to worst
      var head = 0
      var next = 0
      for position in 0..<count {
        while next < count, next <= position + radius {
          while candidates.count > head, better(line[next], line[candidates.last!]) {
            candidates.removeLast()
          }
          candidates.append(next)
          next += 1
        }
        while candidates[head] < position - radius { head += 1 }
        out[start + position * step] = line[candidates[head]]
      }
    }
    for row in 0..<height { pass(start: row * width, step: 1, count: width) }
    for column in 0..<width { pass(start: column, step: width, count: height) }
    return Image(width: width, height: height, channels: 1, pixels: out)
  }
}
