// SPDX-License-Identifier: Apache-2.0
import OCRCore

/// Punctuation written into line texts, and so into their labels, when the dictionary has
/// classes for it (`data/dic-punct.txt`: upstream's 5,463 classes and `PunctuationMarks.all`).
/// With upstream's dictionary every method returns its input: that dictionary has no marks.
///
/// Marks go where print puts them: between phrases and at the end of a sentence, around a
/// title or a quotation, after a label; inside numbers the patterns write them
/// (`TextPatterns.punctuated`). Lines of single characters get a mark or two anywhere, so
/// that no mark is only ever seen in one place.
struct TextPunctuation: Sendable {
  private let ids: [String: Int]
  /// The marks' ids in increasing order, for the sprinkled ones.
  private let markIDs: [Int]

  init(charset: Charset) {
    var ids: [String: Int] = [:]
    for mark in PunctuationMarks.all {
      if let id = charset.ids[String(mark)] { ids[String(mark)] = id }
    }
    self.ids = ids
    markIDs = ids.values.sorted()
  }

  /// Whether the dictionary has every mark: the patterns with marks are drawn only then.
  var hasAllMarks: Bool { ids.count == PunctuationMarks.all.count }

  private static let separators: [(mark: String, weight: Double)] = [
    ("，", 6), ("、", 2), ("；", 1), ("：", 1), ("·", 0.3), (",", 0.5), ("/", 0.3), ("-", 0.3),
  ]
  private static let endings: [(mark: String, weight: Double)] = [
    ("。", 6), ("！", 1.5), ("？", 1.5), (".", 0.5),
  ]
  private static let pairs = [("《", "》"), ("“", "”"), ("（", "）"), ("(", ")")]

  /// `phrases` joined into one text: in half the lines, a separator between two phrases half
  /// the time and a sentence ending now and then; a tenth of those lines go in brackets or
  /// quotes.
  func joined<G: RandomNumberGenerator>(_ phrases: [[Int]], using g: inout G) -> [Int] {
    guard !ids.isEmpty, Bool.random(using: &g) else { return phrases.flatMap { $0 } }
    var text: [Int] = []
    for (index, phrase) in phrases.enumerated() {
      if index > 0, Bool.random(using: &g), let mark = pick(Self.separators, using: &g) { text.append(mark) }
      text += phrase
    }
    if Double.random(in: 0..<1, using: &g) < 0.3, let mark = pick(Self.endings, using: &g) {
      text.append(mark)
    }
    if Double.random(in: 0..<1, using: &g) < 0.1, let (open, close) = Self.pairs.randomElement(using: &g),
      let openID = ids[open], let closeID = ids[close]
    {
      text = [openID] + text + [closeID]
    }
    return text
  }

  /// `text` with one or two marks of any kind at random places, in a sixth of the lines.
  func sprinkled<G: RandomNumberGenerator>(_ text: [Int], using g: inout G) -> [Int] {
    guard !ids.isEmpty, Int.random(in: 0..<6, using: &g) == 0 else { return text }
    var marked = text
    for _ in 0..<Int.random(in: 1...2, using: &g) {
      marked.insert(markIDs.randomElement(using: &g)!, at: Int.random(in: 0...marked.count, using: &g))
    }
    return marked
  }

  private func pick<G: RandomNumberGenerator>(_ choices: [(mark: String, weight: Double)], using g: inout G)
    -> Int?
  {
    let available = choices.filter { ids[$0.mark] != nil }
    guard !available.isEmpty else { return nil }
    var draw = Double.random(in: 0..<available.reduce(0) { $0 + $1.weight }, using: &g)
    for choice in available {
      draw -= choice.weight
      if draw < 0 { return ids[choice.mark] }
    }
    return available.last.flatMap { ids[$0.mark] }
  }
}
