// SPDX-License-Identifier: Apache-2.0

extension Image {
  /// The column ranges a long line is read in, each at most `maxWidth` wide: the line halved
  /// again and again, each time at the widest gap between characters in the middle fifth of
  /// the part, or at its emptiest column when nothing there is blank. Cuts fall on multiples of
  /// `alignment` pixels (the model's feature columns), so the pieces' attention lines up with
  /// the whole line. The whole width when the line fits.
  public func readingPieces(maxWidth: Int, alignment: Int = 4) -> [Range<Int>] {
    precondition(maxWidth >= 4 * alignment, "pieces must be wider than a few feature columns")
    guard width > maxWidth else { return [0..<width] }
    let grey = grey()
    let background = Float(Self.backgroundLevel(grey))
    let profile = (0..<width).map { column -> Float in
      var sum: Float = 0
      for row in 0..<height { sum += abs(Float(grey.pixels[row * width + column]) - background) }
      return sum / Float(height)
    }
    var pieces: [Range<Int>] = []
    func split(_ part: Range<Int>) {
      guard part.count > maxWidth else {
        pieces.append(part)
        return
      }
      let window = (part.lowerBound + part.count * 2 / 5)..<(part.lowerBound + part.count * 3 / 5)
      let cut = Self.widestGap(in: window, profile: profile) / alignment * alignment
      let safeCut = min(max(cut, part.lowerBound + alignment), part.upperBound - alignment)
      split(part.lowerBound..<safeCut)
      split(safeCut..<part.upperBound)
    }
    split(0..<width)
    return pieces
  }

  /// The middle of the longest run of blank columns in `window` (those within a tenth of the
  /// way from the profile's quietest to its typical inked column), or its emptiest column.
  static func widestGap(in window: Range<Int>, profile: [Float]) -> Int {
    let values = window.map { profile[$0] }
    let quiet = profile.min() ?? 0
    let typical = profile.sorted()[profile.count / 2]
    let blank = quiet + 0.1 * (typical - quiet)
    var best: Range<Int>?
    var start: Int?
    for column in window.lowerBound...window.upperBound {
      let isBlank = column < window.upperBound && profile[column] <= blank
      if isBlank, start == nil { start = column }
      if !isBlank, let first = start {
        if (best?.count ?? 0) < column - first { best = first..<column }
        start = nil
      }
    }
    if let best { return (best.lowerBound + best.upperBound) / 2 }
    return window.lowerBound + (values.indices.min { values[$0] < values[$1] } ?? 0)
  }
}
