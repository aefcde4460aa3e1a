// SPDX-License-Identifier: Apache-2.0

/// A TFRecord file that cannot be read or written, with the file and byte offset.
public struct TFRecordError: Error, CustomStringConvertible, Equatable {
  public enum Kind: Sendable, Equatable {
    case cannotOpen
    case io
    case truncated
    case corruptLength
    case corruptData
    case noMatchingFiles
  }

  public let kind: Kind
  public let path: String
  /// Byte offset of the record at fault (nil when not about one record).
  public let offset: Int?
  public let detail: String

  public init(_ kind: Kind, path: String, offset: Int? = nil, _ detail: String) {
    self.kind = kind
    self.path = path
    self.offset = offset
    self.detail = detail
  }

  public var description: String {
    if let offset { return "\(path): byte \(offset): \(detail)" }
    return "\(path): \(detail)"
  }
}
