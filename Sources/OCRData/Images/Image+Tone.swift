// SPDX-License-Identifier: Apache-2.0

extension Image {
  /// Whether the text is lighter than its ground (white on a blue sign, a lit display). The
  /// image is judged in equal pieces along its length, about as long as it is short, each
  /// against its own ground: of the twentieth of a piece's pixels farthest from its median
  /// grey, more are lighter than it than darker. Text covers a minority of a piece's pixels,
  /// so the median is the ground's grey and the farthest pixels are mostly ink; noise lies as
  /// often on either side. Each piece casts one vote, so a shadow over part of a line, which
  /// makes the lit ground look like light ink only in the piece where the shadow begins, does
  /// not turn the line; a tie goes by the pixels counted.
  public var hasLightInk: Bool {
    let grey = grey()
    let (side, length) = (min(width, height), max(width, height))
    // Equal pieces about as long as the image is short, so that no sliver at the end votes.
    let pieces = max(1, (length + side / 2) / side)
    var (votes, lighter, darker) = (0, 0, 0)
    for piece in 0..<pieces {
      let (start, end) = (piece * length / pieces, (piece + 1) * length / pieces)
      let extent = end - start
      let square =
        width >= height
        ? grey.cropped(x: start, y: 0, width: extent, height: height)
        : grey.cropped(x: 0, y: start, width: width, height: extent)
      let counts = square.inkCounts
      votes += counts.lighter > counts.darker ? 1 : counts.lighter < counts.darker ? -1 : 0
      (lighter, darker) = (lighter + counts.lighter, darker + counts.darker)
    }
    return votes != 0 ? votes > 0 : lighter > darker
  }

  /// Of the twentieth of a grey image's pixels farthest from its median, how many are lighter
  /// and how many darker than it.
  private var inkCounts: (lighter: Int, darker: Int) {
    let histogram = greyHistogram
    let median = Self.value(at: pixels.count / 2, in: histogram)
    var distances = [Int](repeating: 0, count: 256)
    for (value, count) in histogram.enumerated() { distances[abs(value - median)] += count }
    let threshold = Self.value(at: pixels.count * 19 / 20, in: distances)
    guard threshold > 0 else { return (0, 0) }
    let lighter = median + threshold <= 255 ? histogram[(median + threshold)...].reduce(0, +) : 0
    let darker = median - threshold >= 0 ? histogram[...(median - threshold)].reduce(0, +) : 0
    return (lighter, darker)
  }

  /// The image in grey with dark text on a light ground: inverted when its ink is light.
  public func darkOnLight() -> Image {
    let grey = grey()
    return grey.hasLightInk ? grey.inverted() : grey
  }

  /// The image in grey, light and dark swapped.
  public func inverted() -> Image {
    Image(width: width, height: height, channels: 1, pixels: grey().pixels.map { 255 - $0 })
  }

  /// The image in grey, with a faint line's greys spread over most of the range: when its 1st
  /// and 99th percentiles lie less than `faintRange` apart (a faded receipt, a grey photo),
  /// they are moved to 28 and 228, about the contrast of the lines the model was trained on.
  /// Lines with more contrast are left as they are: spreading them too read held-out lines
  /// slightly worse.
  public func contrastStretched() -> Image {
    let grey = grey()
    let (low, high) = grey.percentileRange
    guard high > low, high - low < Self.faintRange else { return grey }
    let scale = 200 / Float(high - low)
    let pixels = grey.pixels.map { UInt8(max(0, min(255, (28 + Float(Int($0) - low) * scale).rounded()))) }
    return Image(width: width, height: height, channels: 1, pixels: pixels)
  }

  /// Grey levels between a line's 1st and 99th percentiles under which it counts as faint.
  public static let faintRange = 80

  /// The 1st and 99th percentiles of a grey image's values.
  public var percentileRange: (low: Int, high: Int) {
    let histogram = greyHistogram
    return (
      Self.value(at: pixels.count / 100, in: histogram),
      Self.value(at: pixels.count * 99 / 100, in: histogram)
    )
  }

  /// How many pixels have each of the 256 greys (of a grey image).
  var greyHistogram: [Int] {
    var histogram = [Int](repeating: 0, count: 256)
    for value in pixels { histogram[Int(value)] += 1 }
    return histogram
  }

  /// The grey value at position `rank` when the counted pixels are sorted.
  static func value(at rank: Int, in histogram: [Int]) -> Int {
    var seen = 0
    for (value, count) in histogram.enumerated() {
      seen += count
      if seen > rank { return value }
    }
    return histogram.count - 1
  }
}
