// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import TestScratch
import Testing

enum Fixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path
}

@Suite struct CharsetTests {
  @Test func readsTheSeedDictionary() throws {
    let charset = try Charset(contentsOf: "\(Fixtures.folder)/../../data/dic.txt")
    #expect(charset.count == 5463)
    #expect(charset.nullID == 5462)
    #expect(charset.characters[5462] == "░")
    // From the generator sample table: 公民身份 → 22 181 1337 2217, X → 5139.
    #expect(["公", "民", "身", "份", "X"].map { charset.ids[$0] } == [22, 181, 1337, 2217, 5139])
    #expect(charset.ids["0"] == 33 && charset.ids["1"] == 94 && charset.ids["2"] == 32)
  }

  @Test func readsFSNSCharsetWithAliasesLastLineWinning() throws {
    let charset = try Charset(contentsOf: "\(Fixtures.folder)/fsns/charset_size=134.txt", allowAliases: true)
    #expect(charset.count == 134)
    #expect(charset.nullID == 133)
    #expect(charset.characters[0] == " ")
    #expect(charset.characters[2] == "‘" && charset.characters[51] == "”" && charset.characters[17] == "—")
    #expect(
      charset.ids["'"] == 2 && charset.ids["’"] == 2 && charset.ids["\""] == 51 && charset.ids["-"] == 17)
  }

  @Test func theFSNSCharsetWithoutAliasesIsRefused() {
    #expect(throws: CharsetError.self) {
      try Charset(contentsOf: "\(Fixtures.folder)/fsns/charset_size=134.txt")
    }
  }

  @Test func generatorDictionaryNeedsAnImplicitNull() throws {
    let path = "\(Fixtures.folder)/fsns-tfrecord-generate/dic-without-null.txt"
    do {
      _ = try Charset(contentsOf: path)
      Issue.record("a dictionary without <nul> must be refused")
    } catch let error as CharsetError {
      #expect(error.reason.contains("no null class"))
      #expect(error.path == path)
    }
    let charset = try Charset(contentsOf: path, implicitNull: true)
    #expect(charset.count == 5463 && charset.nullID == 5462)
    #expect(charset == (try Charset(contentsOf: "\(Fixtures.folder)/../../data/dic.txt")))
  }

  @Test(arguments: [
    ("0\ta\n0\tb\n1\t<nul>\n", "code 0 already defined on line 1"),
    ("0\ta\n1\ta\n2\t<nul>\n", "character 'a' already has code 0"),
    ("0\ta\n2\tb\n3\t<nul>\n", "without gaps"),
    ("0\ta\nbad line\n1\t<nul>\n", "line 2: expected"),
    ("0\ta\n1\t<nul>\n2\t<nul>\n", "a second null class"),
    ("", "empty"),
  ])
  func malformedDictionariesGiveClearErrors(text: String, expected: String) {
    do {
      _ = try Charset(parsing: text, path: "bad.txt")
      Issue.record("'\(text)' should be refused")
    } catch let error as CharsetError {
      #expect(error.description.contains(expected), "\(error)")
      #expect(error.description.hasPrefix("bad.txt"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func gbkFileIsRefusedAsNotUTF8() throws {
    let path = Scratch.path("gbk") + ".txt"
    try Data([0xB9, 0xAB, 0x09, 0x32, 0x32, 0x0A]).write(to: URL(fileURLWithPath: path))  // "公\t22" in GBK
    #expect(throws: CharsetError.self) { try Charset(contentsOf: path) }
  }
}

@Suite struct LabelEncoderTests {
  let charset = Charset(characters: ["a", "b", "c", "公"])

  @Test func encodesPadsAndDecodes() throws {
    var encoder = LabelEncoder(charset: charset, maximumLength: 6)
    let ids = try #require(try encoder.encode("公ab"))
    #expect(ids == [3, 0, 1])
    #expect(encoder.padded(ids) == [3, 0, 1, 4, 4, 4])
    #expect(encoder.decode(encoder.padded(ids)) == "公ab")
    #expect(encoder.decode(encoder.padded(ids), stopAtNull: false) == "公ab░░░")
  }

  @Test func unknownCharacterPoliciesAreExplicitAndCounted() throws {
    var failing = LabelEncoder(charset: charset, policy: .fail)
    #expect(throws: LabelEncodingError.self) { try failing.encode("axb") }
    #expect(failing.unknownCounts == ["x": 1])

    var skipping = LabelEncoder(charset: charset, policy: .skipSample)
    #expect(try skipping.encode("xxa") == nil)
    #expect(skipping.unknownCounts == ["x": 2])

    var mapping = LabelEncoder(charset: charset, policy: .mapToUnknown, unknownID: 2)
    #expect(try mapping.encode("ayb") == [0, 2, 1])
  }

  @Test func tooLongAndEmptyLabelsAreErrors() {
    var encoder = LabelEncoder(charset: charset, maximumLength: 3)
    #expect(throws: LabelEncodingError.tooLong(text: "abca", length: 4, maximum: 3)) {
      try encoder.encode("abca")
    }
    #expect(throws: LabelEncodingError.empty) { try encoder.encode("") }
  }

  @Test func theNullSpellingIsNotAValidCharacter() {
    var encoder = LabelEncoder(charset: charset)
    #expect(throws: LabelEncodingError.self) { try encoder.encode("░") }
  }
}
