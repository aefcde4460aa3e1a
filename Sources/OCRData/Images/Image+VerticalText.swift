// SPDX-License-Identifier: Apache-2.0

/// Which way a line's characters run.
public enum LineLayout: String, Sendable, CaseIterable {
  /// Vertical when the text is at least `Image.verticalAspect` times as tall as it is wide and
  /// holds two or more characters; horizontal otherwise.
  case auto
  case horizontal
  /// Top to bottom, as on signs, book spines and couplets.
  case vertical
}

extension Image {
  /// Text this many times as tall as wide is taken for a vertical line by `LineLayout.auto`;
  /// a horizontal line of one narrow character (a digit 1) is taller than wide too, but it
  /// does not split into several characters.
  public static let verticalAspect = 1.8

  /// Whether the image is read as a vertical line under `layout`.
  public func readsVertically(_ layout: LineLayout) -> Bool {
    switch layout {
    case .horizontal: return false
    case .vertical: return true
    case .auto: return tallColumn() != nil
    }
  }

  /// The image as `layout` reads it: laid flat when that is as a vertical line, else itself.
  /// The column is found once, for the decision and the laying flat alike.
  public func laidFlat(_ layout: LineLayout) -> Image {
    switch layout {
    case .horizontal: return self
    case .vertical: return laidFlat()
    case .auto: return tallColumn().map(flattened) ?? self
    }
  }

  /// A vertical line laid flat: its characters side by side from left to right in reading
  /// order (top to bottom), grey, with the margins of the model's training lines (ink over
  /// about 0.6 of the height), so a horizontal reader reads it.
  public func laidFlat() -> Image {
    guard let column = verticalColumn() else { return grey() }
    return flattened(column)
  }

  /// The column when `LineLayout.auto` takes the image for a vertical line: text tall enough,
  /// two or more characters, and most cuts between them on blank rows (a tall single
  /// character has none to cut at).
  func tallColumn() -> VerticalColumn? {
    guard let column = verticalColumn(),
      Double(column.box.height) >= Self.verticalAspect * Double(column.box.width),
      column.characters.count >= 2, 2 * column.blankCuts >= column.characters.count - 1
    else { return nil }
    return column
  }

  /// `column`'s characters, cut from this image, set side by side.
  private func flattened(_ column: VerticalColumn) -> Image {
    let grey = grey()
    let box = column.box
    let inkHeight = column.characters.map(\.count).max() ?? box.height
    let height = max(1, Int((Double(inkHeight) / 0.6).rounded()))
    let gap = max(1, box.width / 10), margin = max(1, height / 5)
    let width = 2 * margin + column.characters.count * box.width + (column.characters.count - 1) * gap
    var flat = Image(width: width, height: height, channels: 1, value: column.background)
    for (index, rows) in column.characters.enumerated() {
      let character = grey.cropped(x: box.x, y: rows.lowerBound, width: box.width, height: rows.count)
      flat.paste(character, x: margin + index * (box.width + gap), y: (height - rows.count) / 2)
    }
    return flat
  }

  /// A line read as one column of characters.
  struct VerticalColumn {
    /// The text's box in the image.
    var box: PixelBox
    var background: UInt8
    /// The rows of each character, cut to its ink.
    var characters: [Range<Int>]
    /// How many of the cuts between characters fell on blank rows.
    var blankCuts: Int
  }

  /// The image's text read as one column; nil when the image has no text.
  ///
  /// Characters of a vertical line stand on an even pitch. Each possible count is tried
  /// (`cuts(into:)`) and the one whose cuts fit the blank rows best is kept (`score`).
  func verticalColumn() -> VerticalColumn? {
    let grey = grey()
    guard let box = grey.textBounds() else { return nil }
    let background = Self.backgroundLevel(grey)
    // Mean distance from the background of each row of the box.
    let profile = (box.y..<(box.y + box.height)).map { row -> Float in
      var sum: Float = 0
      for column in box.x..<(box.x + box.width) {
        sum += abs(Float(grey.pixels[row * grey.width + column]) - Float(background))
      }
      return sum / Float(box.width)
    }
    let threshold = (profile.min() ?? 0) + 0.1 * ((profile.max() ?? 0) - (profile.min() ?? 0))
    let inked = profile.map { $0 > threshold }
    // Rows with under a quarter of a typical inked row's ink count as blank: in tightly set
    // columns the rows between characters are rarely empty.
    let typical = profile.sorted()[profile.count / 2]
    let minimum = profile.min() ?? 0
    let blank = profile.map { $0 <= minimum + 0.25 * (typical - minimum) }
    // The count whose cuts fall on blank rows the most, each cut through ink counting against
    // it twice: too few characters leave blank boundaries unused, too many cut characters.
    let most = max(1, min(80, Int(Double(box.height) / (0.6 * Double(box.width)))))
    let squares = Double(box.height) / Double(box.width)
    let cuts = (1...most).map { Self.cuts(into: $0, profile: profile, columnWidth: box.width) }.max { a, b in
      let scoreA = Self.score(a, blank: blank, inked: inked, columnWidth: box.width)
      let scoreB = Self.score(b, blank: blank, inked: inked, columnWidth: box.width)
      if scoreA != scoreB { return scoreA < scoreB }
      return abs(Double(a.count - 1) - squares) > abs(Double(b.count - 1) - squares)
    }!
    var characters: [Range<Int>] = []
    for (start, end) in zip(cuts, cuts.dropFirst()) {
      guard let ink = Self.inkRows(start..<end, inked) else { continue }
      characters.append((box.y + ink.lowerBound)..<(box.y + ink.upperBound + 1))
    }
    let blankCuts = cuts.dropFirst().dropLast().filter { blank[$0] }.count
    return characters.isEmpty
      ? nil : VerticalColumn(box: box, background: background, characters: characters, blankCuts: blankCuts)
  }

  /// Row indices from 0 to `profile.count` that split a column into `count` characters: each
  /// boundary the emptiest row within 0.3 pitch of where an even split puts it (the nearest
  /// among equals).
  static func cuts(into count: Int, profile: [Float], columnWidth: Int) -> [Int] {
    // About a tenth of an em between characters, partly blank inside their em squares.
    let spacing = 0.1 * Double(columnWidth)
    let pitch = (Double(profile.count) + spacing) / Double(count)
    var cuts = [0]
    for index in 1..<max(count, 1) {
      let expected = Int((Double(index) * pitch - spacing / 2).rounded())
      let reach = Int(0.3 * pitch)
      let low = max(cuts.last! + 1, expected - reach), high = min(profile.count - 1, expected + reach)
      guard low <= high else { break }
      cuts.append(
        (low...high).min { a, b in
          profile[a] != profile[b] ? profile[a] < profile[b] : abs(a - expected) < abs(b - expected)
        }!)
    }
    return cuts + [profile.count]
  }

  /// Inner cuts on blank rows, less twice those through ink, less one for each piece whose
  /// ink is under 0.4 of the column's width high: characters are about square, and a piece
  /// that flat is most often half of one with blank rows inside (二, 三, 六).
  static func score(_ cuts: [Int], blank: [Bool], inked: [Bool], columnWidth: Int) -> Int {
    let boundaries = cuts.dropFirst().dropLast().reduce(0) { $0 + (blank[$1] ? 1 : -2) }
    let flatPieces = zip(cuts, cuts.dropFirst()).filter { start, end in
      guard let ink = inkRows(start..<end, inked) else { return true }
      return Double(ink.count) < 0.4 * Double(columnWidth)
    }.count
    return boundaries - flatPieces
  }

  /// The first to the last inked row of `rows`; nil when none is inked.
  static func inkRows(_ rows: Range<Int>, _ inked: [Bool]) -> ClosedRange<Int>? {
    guard let first = rows.first(where: { inked[$0] }), let last = rows.last(where: { inked[$0] }) else {
      return nil
    }
    return first...last
  }
}
