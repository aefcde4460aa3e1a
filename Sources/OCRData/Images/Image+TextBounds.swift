// SPDX-License-Identifier: Apache-2.0

/// A rectangle inside an image, in pixels.
public struct PixelBox: Sendable, Equatable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }
}

extension Image {
  /// The box around the text of a line image: the rows and columns that differ from the
  /// background (the median of the outermost pixels) clearly more than the margins do. Nil
  /// when nothing stands out, as on a blank image.
  ///
  /// Works on row and column averages rather than single pixels, so noise, JPEG artefacts and
  /// faint print do not need a per-pixel threshold; light text on a dark ground is found the
  /// same way as dark on light.
  public func textBounds() -> PixelBox? {
    let grey = grey()
    let background = Float(Self.backgroundLevel(grey))
    let distance = grey.pixels.map { abs(Float($0) - background) }
    var rows = [Float](repeating: 0, count: height)
    var rules = [Bool](repeating: false, count: height)
    for row in 0..<height {
      let values = distance[(row * width)..<((row + 1) * width)]
      rows[row] = values.reduce(0, +) / Float(width)
      // A rule, a border's edge or a dark band: its typical pixel nearly as far from the
      // background as its darkest tenth, where a row of text is mostly background between
      // strokes (and a row of plain noise has a median well under its 90th percentile).
      let sortedValues = values.sorted()
      let median = sortedValues[width / 2], high = sortedValues[width * 9 / 10]
      rules[row] = high > 0 && median > 0.6 * high
    }
    // A blurred rule's fuzzy edges are as dark as text: two rows either side go with it.
    let nearRules = (0..<height).map { row in
      (max(0, row - 2)...min(height - 1, row + 2)).contains { rules[$0] }
    }
    guard let (top, bottom) = Self.span(of: rows, share: 0.2, ignoringForPeak: nearRules) else { return nil }
    var columns = [Float](repeating: 0, count: width)
    for column in 0..<width {
      var sum: Float = 0
      for row in top...bottom { sum += distance[row * width + column] }
      columns[column] = sum / Float(bottom - top + 1)
    }
    guard let (left, right) = Self.span(of: columns, share: 0.1) else { return nil }
    return PixelBox(x: left, y: top, width: right - left + 1, height: bottom - top + 1)
  }

  /// The line cropped to its text, with room around it like the model's training lines have
  /// (the text's ink takes about 0.6 of the height; 0.4 of its height blank on either side),
  /// when the image has clearly more than that: text under 0.4 of the height, or more than
  /// 2.5 text heights of blank columns. Otherwise the image itself, so lines cropped as the
  /// training lines are stay untouched. Loose crops from a detector or a photo would
  /// otherwise shrink the characters when fitted to the model's height.
  public func trimmedToText() -> Image {
    guard let text = textBounds() else { return self }
    let textHeight = Double(text.height)
    var top = 0, newHeight = height
    if textHeight < 0.4 * Double(height) {
      // A band much thinner than the characters (a row of 一, a dash) is not their height:
      // keep at least 0.3 of the original.
      newHeight = min(height, max(Int((textHeight / 0.6).rounded()), height * 3 / 10))
      top = max(0, min(height - newHeight, text.y + text.height / 2 - newHeight / 2))
    }
    var left = 0, newWidth = width
    if Double(width - text.width) > 2.5 * textHeight {
      let margin = Int((0.4 * textHeight).rounded())
      left = max(0, text.x - margin)
      newWidth = min(width, text.x + text.width + margin) - left
    }
    if newWidth == width && newHeight == height { return self }
    return cropped(x: left, y: top, width: newWidth, height: newHeight)
  }

  /// The grey of a grey image's background: the median of its outermost pixels.
  public static func backgroundLevel(_ grey: Image) -> UInt8 {
    let border = borderValues(grey)
    return border.sorted()[border.count / 2]
  }

  /// The outermost rows and columns of a grey image.
  static func borderValues(_ grey: Image) -> [UInt8] {
    let w = grey.width, h = grey.height
    var values = Array(grey.pixels[0..<w]) + Array(grey.pixels[((h - 1) * w)..<(h * w)])
    for row in 0..<h {
      values.append(grey.pixels[row * w])
      values.append(grey.pixels[row * w + w - 1])
    }
    return values
  }

  /// First and last index whose value rises above the profile's quiet level (its 10th
  /// percentile) by at least `share` of the way to its peak (the `ignored` indices aside); nil when the peak is within a few
  /// grey levels of the quiet level. The whole profile when what lies outside that span is not
  /// quiet after all (over a third of the span's mean): a line cropped to its ink has no
  /// blank rows, and its densest rows (a band of 一 and 十 strokes) would pass for the text.
  static func span(of profile: [Float], share: Float, ignoringForPeak ignored: [Bool]? = nil) -> (Int, Int)? {
    let sorted = profile.sorted()
    let quiet = sorted[sorted.count / 10]
    // Rules and borders are far darker than text on average; measured against them, the
    // text would not stand out.
    let peak =
      profile.indices.filter { !(ignored?[$0] ?? false) }.map { profile[$0] }.max()
      ?? sorted[sorted.count - 1]
    guard peak - quiet >= 4 else { return nil }
    let threshold = quiet + share * (peak - quiet)
    guard let first = profile.firstIndex(where: { $0 >= threshold }),
      let last = profile.lastIndex(where: { $0 >= threshold })
    else { return nil }
    let outside = profile[..<first] + profile[(last + 1)...]
    guard !outside.isEmpty else { return (first, last) }
    let inside = profile[first...last]
    let outsideMean = outside.reduce(0, +) / Float(outside.count)
    let insideMean = inside.reduce(0, +) / Float(inside.count)
    return outsideMean > insideMean / 3 ? (0, profile.count - 1) : (first, last)
  }
}
