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

  /// `ids` with `count` marks put between characters (never first or last), chosen with `g`.
  static func inserted<G: RandomNumberGenerator>(
    _ count: Int, into ids: [Int], charset: Charset, using g: inout G
  ) -> [Int] {
    var drawn = ids
    guard ids.count >= 2 else { return drawn }
    for _ in 0..<count {
      let mark = id(Int.random(in: 0..<all.count, using: &g), charset: charset)
      drawn.insert(mark, at: Int.random(in: 1..<drawn.count, using: &g))
    }
    return drawn
  }
}
