// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore

/// Real Chinese words and idioms: the phrase list of PyPI's `pypinyin` (MIT), which
/// scripts/setup installs into .deps/text-sources. Only phrases made entirely of dictionary
/// characters are kept, as charset ids.
public struct PhraseList: Sendable {
  public static let defaultPath = "pypinyin/phrases_dict.json"

  public let phrases: [[Int]]

  public init(phrases: [[Int]]) { self.phrases = phrases }

  /// Reads pypinyin's `phrases_dict.json` (an object keyed by phrase).
  public init(contentsOf path: String, charset: Charset) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw FontError("\(path): phrase list missing; run scripts/setup (it installs pypinyin's data)")
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw FontError("\(path): not a JSON object of phrases")
    }
    var phrases: [[Int]] = []
    for phrase in object.keys.sorted() {
      let ids = phrase.map { charset.ids[String($0)] }
      if ids.count >= 2, ids.allSatisfy({ $0 != nil && $0 != charset.nullID }) {
        phrases.append(ids.map { $0! })
      }
    }
    self.phrases = phrases
  }

  /// Finds the phrase list under the project's `.deps/text-sources`, or the folder given.
  public static func locate(projectRoot: String) -> String {
    "\(projectRoot)/.deps/text-sources/\(defaultPath)"
  }
}
