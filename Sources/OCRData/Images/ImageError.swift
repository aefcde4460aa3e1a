// SPDX-License-Identifier: Apache-2.0

/// An image that could not be read, decoded or encoded, naming the file when there is one.
public struct ImageError: Error, CustomStringConvertible, Equatable {
  public let path: String?
  public let reason: String

  public init(path: String? = nil, _ reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { path.map { "\($0): \(reason)" } ?? reason }

  func at(_ path: String) -> ImageError { ImageError(path: path, reason) }
}
