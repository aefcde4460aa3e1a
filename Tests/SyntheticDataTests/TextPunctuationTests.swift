// SPDX-License-Identifier: Apache-2.0
import OCRCore
import OCRData
import SyntheticData
import Testing

/// Marks in line texts: written with a dictionary that has them, never with upstream's.
@Suite struct TextPunctuationTests {
  static let punctuated = Shared.load("data/dic-punct.txt") {
    try Charset(contentsOf: "\(Shared.root)/data/dic-punct.txt")
  }

  func texts(_ charset: Charset, count: Int) throws -> [(text: String, source: TextSource)] {
    let phrases = try PhraseList(contentsOf: PhraseList.locate(projectRoot: Shared.root), charset: charset)
    let sampler = TextSampler(charset: charset, phrases: phrases)
    var g = SplitMix64(seed: 11)
    return (0..<count).map { _ in
      let (ids, source) = sampler.sample(using: &g)
      return (charset.text(ids), source)
    }
  }

  @Test func theExtendedDictionaryIsUpstreamsWithTheMarks() throws {
    let marks = Self.punctuated.characters.suffix(from: Shared.charset.count)
    #expect(Array(Self.punctuated.characters.prefix(Shared.charset.count)) == Shared.charset.characters)
    #expect(marks.map { Character($0) } == PunctuationMarks.all.map { Character($0) })
  }

  @Test func marksGoIntoTheTextsWhenTheDictionaryHasThem() throws {
    let drawn = try texts(Self.punctuated, count: 3000)
    let marked = drawn.filter { $0.text.contains(where: Punctuation.contains) }
    #expect((300...1500).contains(marked.count), "\(marked.count) of 3000 lines have marks")
    // Every mark is drawn, each text source writes some, and dates and times come whole.
    let seen = Set(marked.flatMap { $0.text.filter(Punctuation.contains) })
    #expect(seen == Set(PunctuationMarks.all.map { Character($0) }))
    #expect(Set(marked.map(\.source)) == Shared.defaultSources)
    let patterns = marked.filter { $0.source == .patterns }.map(\.text)
    #expect(patterns.contains { $0.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil })
    #expect(patterns.contains { $0.wholeMatch(of: /\d{2}:\d{2}(:\d{2})?/) != nil })
    // A phrase line's separators sit between phrases, never first.
    for text in marked.filter({ $0.source == .phrases }).map(\.text) {
      #expect(!["，", "、", "；", "。"].contains(text.first.map(String.init) ?? ""), "\(text)")
    }
  }

  @Test func upstreamsDictionaryGetsNoMarks() throws {
    let drawn = try texts(Shared.charset, count: 1000)
    #expect(!drawn.contains { $0.text.contains(where: Punctuation.contains) })
  }
}
