// SPDX-License-Identifier: Apache-2.0

/// What to do with a character the charset lacks.
public enum UnknownCharacterPolicy: String, Sendable, CaseIterable {
  /// Refuse the label with an error.
  case fail
  /// Drop the whole sample (counted).
  case skipSample = "skip"
  /// Encode it as a given id (e.g. a dedicated unknown class).
  case mapToUnknown = "map"
}

/// Why a label could not be encoded.
public enum LabelEncodingError: Error, Equatable, CustomStringConvertible {
  case unknownCharacters(text: String, characters: [Character])
  case tooLong(text: String, length: Int, maximum: Int)
  case empty

  public var description: String {
    switch self {
    case .unknownCharacters(let text, let characters):
      "'\(text)' has characters outside the dictionary: \(characters.map { "'\($0)' (U+\(String($0.unicodeScalars.first!.value, radix: 16, uppercase: true)))" }.joined(separator: ", "))"
    case .tooLong(let text, let length, let maximum):
      "'\(text)' has \(length) characters, more than the maximum \(maximum)"
    case .empty: "empty label"
    }
  }
}

/// Text ↔ class ids under a charset, with an explicit policy for unknown characters.
/// Every unknown character met is counted in `unknownCounts`, whatever the policy.
public struct LabelEncoder: Sendable {
  public let charset: Charset
  public let policy: UnknownCharacterPolicy
  /// The id unknown characters become under `.mapToUnknown`.
  public let unknownID: Int?
  public let maximumLength: Int
  public private(set) var unknownCounts: [Character: Int] = [:]

  public init(
    charset: Charset, policy: UnknownCharacterPolicy = .fail, unknownID: Int? = nil, maximumLength: Int = 37
  ) {
    precondition(policy != .mapToUnknown || unknownID != nil, "mapToUnknown needs an unknownID")
    self.charset = charset
    self.policy = policy
    self.unknownID = unknownID
    self.maximumLength = maximumLength
  }

  /// The ids of `text`, or nil when the sample should be skipped; throws under `.fail` and for
  /// labels that are empty or too long.
  public mutating func encode(_ text: String) throws(LabelEncodingError) -> [Int]? {
    guard !text.isEmpty else { throw .empty }
    var ids: [Int] = []
    var unknown: [Character] = []
    for character in text {
      if let id = charset.ids[String(character)], id != charset.nullID {
        ids.append(id)
      } else {
        unknown.append(character)
        unknownCounts[character, default: 0] += 1
        if let unknownID, policy == .mapToUnknown { ids.append(unknownID) }
      }
    }
    if !unknown.isEmpty {
      switch policy {
      case .fail: throw .unknownCharacters(text: text, characters: unknown)
      case .skipSample: return nil
      case .mapToUnknown: break
      }
    }
    guard ids.count <= maximumLength else {
      throw .tooLong(text: text, length: ids.count, maximum: maximumLength)
    }
    return ids
  }

  /// `ids` followed by the null id up to `length`, as upstream's `image/class`.
  public func padded(_ ids: [Int], to length: Int? = nil) -> [Int] {
    let length = length ?? maximumLength
    return ids + Array(repeating: charset.nullID, count: max(0, length - ids.count))
  }

  /// The text of `ids`, stopping at the first null (or showing nulls as ░ when `stopAtNull` is false).
  public func decode(_ ids: [Int], stopAtNull: Bool = true) -> String {
    var text = ""
    for id in ids {
      if id == charset.nullID && stopAtNull { break }
      text += charset.characters.indices.contains(id) ? charset.characters[id] : "?"
    }
    return text
  }
}
