// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
  import Glibc
#endif

/// Positioned reads through a fixed-size window, so scanning a file of any size uses constant
/// memory and sequential access costs one system call per window.
final class RandomAccessFile {
  let path: String
  let size: Int
  private let descriptor: Int32
  private var window: [UInt8]
  private var windowStart = 0
  private var windowCount = 0

  init(path: String, windowSize: Int = 1 << 20) throws(TFRecordError) {
    self.path = path
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw TFRecordError(.cannotOpen, path: path, "cannot open: \(String(cString: strerror(errno)))")
    }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      close(descriptor)
      throw TFRecordError(.cannotOpen, path: path, "cannot stat: \(String(cString: strerror(errno)))")
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      close(descriptor)
      throw TFRecordError(.cannotOpen, path: path, "not a regular file")
    }
    size = Int(info.st_size)
    window = [UInt8](repeating: 0, count: windowSize)
  }

  deinit { close(descriptor) }

  /// Exactly `count` bytes at `offset`, or nil when the file ends first.
  func read(at offset: Int, count: Int) throws(TFRecordError) -> [UInt8]? {
    guard offset >= 0, count >= 0, offset + count <= size else { return nil }
    if offset >= windowStart && offset + count <= windowStart + windowCount {
      let start = offset - windowStart
      return Array(window[start..<(start + count)])
    }
    if count > window.count {
      var out = [UInt8](repeating: 0, count: count)
      if let error = out.withUnsafeMutableBytes({ fill($0, from: offset) }) { throw error }
      return out
    }
    let available = min(window.count, size - offset)
    windowCount = 0
    let failure = window.withUnsafeMutableBytes {
      fill(UnsafeMutableRawBufferPointer(rebasing: $0[0..<available]), from: offset)
    }
    if let failure { throw failure }
    windowStart = offset
    windowCount = available
    return Array(window[0..<count])
  }

  /// Reads `buffer.count` bytes at `offset`; returns the failure, if any.
  private func fill(_ buffer: UnsafeMutableRawBufferPointer, from offset: Int) -> TFRecordError? {
    var done = 0
    while done < buffer.count {
      let n = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else {
        let reason = n == 0 ? "file shrank while reading" : String(cString: strerror(errno))
        return TFRecordError(.io, path: path, offset: offset + done, "read failed: \(reason)")
      }
      done += n
    }
    return nil
  }
}

extension Array where Element == UInt8 {
  func littleEndianUInt64(at index: Int) -> UInt64 {
    (0..<8).reduce(UInt64(0)) { $0 | UInt64(self[index + $1]) << (8 * UInt64($1)) }
  }

  func littleEndianUInt32(at index: Int) -> UInt32 {
    (0..<4).reduce(UInt32(0)) { $0 | UInt32(self[index + $1]) << (8 * UInt32($1)) }
  }
}
