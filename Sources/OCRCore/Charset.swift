// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Why a dictionary file was refused.
public struct CharsetError: Error, CustomStringConvertible, Equatable {
  public let path: String
  public let line: Int?
  public let reason: String

  public var description: String {
    if let line { return "\(path): line \(line): \(reason)" }
    return "\(path): \(reason)"
  }
}

/// The classes a model predicts: id ↔ character, with one null class for padding and end of text.
///
/// Reads the two upstream formats, both `code<TAB>char` lines in any order with `<nul>` naming
/// the null class:
/// - the seed's `dic.txt`: every code once, every character once, codes 0..K-1 without gaps;
/// - FSNS's `charset_size=N.txt` (`allowAliases`): several lines may share a code; all of them
///   map to it when encoding and the **last** one is used when decoding, as upstream does.
public struct Charset: Sendable, Equatable {
  /// The text upstream shows for the null class (`<nul>` in the file).
  public static let nullDisplay = "░"

  /// Character for each id; the null class maps to `nullDisplay`.
  public let characters: [String]
  /// Every spelling (aliases included) to its id.
  public let ids: [String: Int]
  public let nullID: Int

  /// Number of classes (distinct codes), the model's K.
  public var count: Int { characters.count }

  /// - Parameter implicitNull: when the file has no `<nul>` line (FSNS-tfrecord-generate's
  ///   `dic.txt`), append the null class as code K, the id that generator pads with.
  public init(contentsOf path: String, allowAliases: Bool = false, implicitNull: Bool = false) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CharsetError(path: path, line: nil, reason: "cannot read the dictionary file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CharsetError(
        path: path, line: nil, reason: "not UTF-8 text (a GBK file such as dic_key2num.txt?)")
    }
    try self.init(parsing: text, path: path, allowAliases: allowAliases, implicitNull: implicitNull)
  }

  public init(
    parsing text: String, path: String = "<text>", allowAliases: Bool = false, implicitNull: Bool = false
  )
    throws
  {
    var byCode: [Int: String] = [:]
    var firstLine: [Int: Int] = [:]
    var ids: [String: Int] = [:]
    var nullID: Int?
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let lineNumber = index + 1
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.isEmpty { continue }
      guard let tab = line.firstIndex(of: "\t"), let code = Int(line[..<tab]), code >= 0 else {
        throw CharsetError(
          path: path, line: lineNumber, reason: "expected 'code<TAB>character', got '\(line)'")
      }
      let entry = String(line[line.index(after: tab)...])
      guard !entry.isEmpty else {
        throw CharsetError(path: path, line: lineNumber, reason: "code \(code) has no character")
      }
      if entry == "<nul>" {
        if let nullID, nullID != code {
          throw CharsetError(
            path: path, line: lineNumber, reason: "a second null class (<nul>) with code \(code)")
        }
        nullID = code
      }
      let spelling = entry == "<nul>" ? Charset.nullDisplay : entry
      if let earlier = firstLine[code], !allowAliases {
        throw CharsetError(
          path: path, line: lineNumber, reason: "code \(code) already defined on line \(earlier)")
      }
      if let other = ids[spelling], other != code {
        throw CharsetError(
          path: path, line: lineNumber, reason: "character '\(entry)' already has code \(other)")
      }
      firstLine[code] = firstLine[code] ?? lineNumber
      byCode[code] = spelling  // the last line wins, as upstream's read_charset
      ids[spelling] = code
    }
    if nullID == nil && implicitNull {
      let code = (byCode.keys.max() ?? -1) + 1
      byCode[code] = Charset.nullDisplay
      ids[Charset.nullDisplay] = code
      nullID = code
    }
    guard !byCode.isEmpty else {
      throw CharsetError(path: path, line: nil, reason: "the dictionary is empty")
    }
    guard let nullID else {
      throw CharsetError(
        path: path, line: nil,
        reason: "no null class: add a line '\(byCode.count)\t<nul>' (or pass the implicit-null option)")
    }
    let missing = (0..<byCode.count).filter { byCode[$0] == nil }
    guard missing.isEmpty else {
      let highest = byCode.keys.max() ?? 0
      throw CharsetError(
        path: path, line: nil,
        reason:
          "codes must run 0..\(byCode.count - 1) without gaps; missing \(missing.prefix(5).map(String.init).joined(separator: ", ")) (highest code \(highest))"
      )
    }
    self.characters = (0..<byCode.count).map { byCode[$0]! }
    self.ids = ids
    self.nullID = nullID
  }

  /// Builds a charset from characters in id order, with the null class last.
  public init(characters: [String]) {
    self.characters = characters + [Charset.nullDisplay]
    var ids: [String: Int] = [:]
    for (id, character) in self.characters.enumerated() { ids[character] = id }
    self.ids = ids
    self.nullID = characters.count
  }

  /// A short fingerprint of the id ↔ character mapping, to tell charsets apart in checkpoints.
  /// The characters of `ids` joined; ids outside the charset show as `?`.
  public func text(_ ids: [Int]) -> String {
    ids.map { characters.indices.contains($0) ? characters[$0] : "?" }.joined()
  }

  public var fingerprint: String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
    for byte in characters.joined(separator: "\u{0}").utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
    }
    return String(hash, radix: 16)
  }
}

extension Charset {
  /// The dictionary in the seed's `dic.txt` format (`code<TAB>char` lines, `<nul>` for the null
  /// class); reading it back gives an equal charset (aliases are not kept).
  public func fileContents() -> [UInt8] {
    let lines = characters.enumerated().map { id, character in
      "\(id)\t\(id == nullID ? "<nul>" : character)"
    }
    return Array((lines.joined(separator: "\n") + "\n").utf8)
  }
}
