// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import SyntheticData

/// The dictionary, phrase list and fonts, loaded once for all tests (scripts/setup installs
/// the fonts and the phrase list).
enum Shared {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static let charset = load("the dictionary") { try Charset(contentsOf: "\(root)/data/dic.txt") }
  static let phrases = load("the phrase list") {
    try PhraseList(contentsOf: PhraseList.locate(projectRoot: root), charset: charset)
  }
  static let fonts = load("the fonts") { try FontLibrary(charset: charset) }
  static let sampler = TextSampler(charset: charset, phrases: phrases)
  /// The text sources training draws from (ID-card fields only on request).
  static let defaultSources = Set(
    TextSource.allCases.filter { TextSampler.defaultWeights[$0, default: 0] > 0 })

  static func load<T>(_ what: String, _ body: () throws -> T) -> T {
    do {
      return try body()
    } catch {
      fatalError("cannot load \(what): \(error) (run scripts/setup)")
    }
  }

  static func generator(seed: UInt64 = 7, vertical: Bool = false) throws -> SyntheticLineGenerator {
    var options = SyntheticLineGenerator.Options()
    options.seed = seed
    options.vertical = vertical
    return try SyntheticLineGenerator(fonts: fonts, sampler: sampler, options: options)
  }

  /// A generator with `base`'s options changed by `change`: the same seed's lines drawn
  /// with one step more.
  static func generator(
    like base: SyntheticLineGenerator, _ change: (inout SyntheticLineGenerator.Options) -> Void
  ) throws -> SyntheticLineGenerator {
    var options = base.options
    change(&options)
    return try SyntheticLineGenerator(fonts: fonts, sampler: sampler, options: options)
  }
}

extension LineStyle {
  /// This style as a line description written before `key` existed would read: encoded, the
  /// key taken out (it must be there), and decoded again.
  func decodedWithout(_ key: String) throws -> LineStyle {
    var fields = try JSONSerialization.jsonObject(with: JSONEncoder().encode(self)) as? [String: Any] ?? [:]
    guard fields.removeValue(forKey: key) != nil else { throw CocoaError(.coderValueNotFound) }
    return try JSONDecoder().decode(LineStyle.self, from: JSONSerialization.data(withJSONObject: fields))
  }
}
