// SPDX-License-Identifier: Apache-2.0
import OCRCore

/// Punctuation that real lines hold and upstream's dictionary does not. `data/dic-punct.txt`
/// gives these marks classes of their own, and the text then holds them (`TextPunctuation`).
/// With upstream's dictionary they can only be drawn between characters and left out of the
/// labels (`LineStyle.punctuationMarks`, which no level turns on).
///
/// The renderer numbers the unlabelled ones after the dictionary's classes
/// (`id(_:charset:)`), so their glyphs share the atlas with the characters'; no label ever
/// holds such an id.
public enum PunctuationMarks {
  /// Chinese full-width marks and the ASCII ones of dates, times, amounts and codes.
  public static let all: [Unicode.Scalar] = [
    "，", "。", "：", "；", "、", "！", "？", "（", "）", "《", "》", "“", "”", "·",
    "-", ":", ".", "/", ",", "(", ")", "%", "¥", "#",
  ]

  /// The drawing id of mark `index`: after every class of `charset`.
  static func id(_ index: Int, charset: Charset) -> Int { charset.count + index }

  /// `ids` with up to `count` marks put between two CJK characters (never first or last,
  /// never next to a digit or a Latin letter), chosen with `g`.
  ///
  /// Only between CJK characters: stages trained with marks next to digits learned to drop
  /// digits, above all faint ones and the first after a label (the ID-card crops lost a
  /// digit in most numbers; docs/training-stages.md, stages 18–21).
  static func inserted<G: RandomNumberGenerator>(
    _ count: Int, into ids: [Int], charset: Charset, using g: inout G
  ) -> [Int] {
    var drawn = ids
    func isCJK(_ id: Int) -> Bool { id < charset.count && !charset.characters[id].allSatisfy(\.isASCII) }
    for _ in 0..<count {
      let places = drawn.indices.dropFirst().filter { isCJK(drawn[$0 - 1]) && isCJK(drawn[$0]) }
      guard let place = places.randomElement(using: &g) else { break }
      drawn.insert(id(Int.random(in: 0..<all.count, using: &g), charset: charset), at: place)
    }
    return drawn
  }
}
