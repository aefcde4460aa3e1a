// SPDX-License-Identifier: Apache-2.0
import OCRCore

/// Punctuation that real lines hold and the dictionary does not: drawn into synthetic lines
/// between characters and left out of their labels (`LineStyle.punctuationMarks`).
///
/// The renderer numbers them after the dictionary's classes (`id(_:charset:)`), so their
/// glyphs share the atlas with the characters'; no label ever holds such an id.
public enum PunctuationMarks {
  /// Chinese full-width marks and the ASCII ones of dates, times, amounts and codes.
  public static let all: [Unicode.Scalar] = [
    "，", "。", "：", "；", "、", "！", "？", "（", "）", "《", "》", "“", "”", "·",
    "-", ":", ".", "/", ",", "(", ")", "%", "¥", "#",
  ]

  /// The drawing id of mark `index`: after every class of `charset`.
  static func id(_ index: Int, charset: Charset) -> Int { charset.count + index }

  /// `ids` with up to `count` marks put between characters (never first or last, never
  /// between two digits), chosen with `g`.
  ///
  /// Not between digits: stages trained with marks inside digit runs read ID numbers with
  /// digits missing, and a mark in a run of digits is the likeliest lesson to skip one (the
  /// cause is not settled; docs/training.md).
  static func inserted<G: RandomNumberGenerator>(
    _ count: Int, into ids: [Int], charset: Charset, using g: inout G
  ) -> [Int] {
    var drawn = ids
    func isDigit(_ id: Int) -> Bool {
      id < charset.count && charset.characters[id].allSatisfy { $0.isASCII && $0.isNumber }
    }
    for _ in 0..<count {
      let places = drawn.indices.dropFirst().filter { !(isDigit(drawn[$0 - 1]) && isDigit(drawn[$0])) }
      guard let place = places.randomElement(using: &g) else { break }
      drawn.insert(id(Int.random(in: 0..<all.count, using: &g), charset: charset), at: place)
    }
    return drawn
  }
}
