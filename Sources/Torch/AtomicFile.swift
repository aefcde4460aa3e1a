// SPDX-License-Identifier: Apache-2.0
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An I/O failure that names the file and what went wrong.
public struct FileError: Error, CustomStringConvertible, Equatable {
  public let path: String
  public let reason: String
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
  public var description: String { "\(path): \(reason)" }
}

/// Writes files so that a reader sees either the old content or the new, never a mix:
/// the bytes go to a temporary file beside the target, are flushed to disk, then renamed over it.
public enum AtomicFile {
  public static func write(_ bytes: [UInt8], to path: String) throws(FileError) {
    let temporary = "\(path).partial-\(getpid())"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileError(path: path, reason: "cannot create: \(errnoText())") }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        let reason = errnoText()
        close(fd)
        unlink(temporary)
        throw FileError(path: path, reason: "write failed: \(reason)")
      }
      offset += written
    }
    if fsync(fd) != 0 {
      let reason = errnoText()
      close(fd)
      unlink(temporary)
      throw FileError(path: path, reason: "flush failed: \(reason)")
    }
    close(fd)
    if rename(temporary, path) != 0 {
      let reason = errnoText()
      unlink(temporary)
      throw FileError(path: path, reason: "rename failed: \(reason)")
    }
  }

  /// Fills a folder under a temporary name beside `folder`, then renames it into place
  /// (moving any previous `folder` aside first, as rename(2) cannot replace a non-empty
  /// folder): a process killed or failing mid-way leaves the previous folder whole and no
  /// half-written one under the real name.
  public static func writeFolder(_ folder: String, _ fill: (_ staging: String) throws -> Void) throws {
    let fm = FileManager.default
    let staging = "\(folder).partial-\(getpid())"
    try? fm.removeItem(atPath: staging)
    do {
      try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
      try fill(staging)
      let retired = "\(folder).old-\(getpid())"
      if fm.fileExists(atPath: folder) { try fm.moveItem(atPath: folder, toPath: retired) }
      try fm.moveItem(atPath: staging, toPath: folder)
      try? fm.removeItem(atPath: retired)
    } catch {
      try? fm.removeItem(atPath: staging)
      throw error
    }
  }

  /// Reads a whole file.
  public static func read(_ path: String) throws(FileError) -> [UInt8] {
    do {
      return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped))
    } catch {
      let exists = FileManager.default.fileExists(atPath: path)
      throw FileError(
        path: path, reason: exists ? "cannot read: \(error.localizedDescription)" : "no such file")
    }
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}
