// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
  import Glibc
#endif

/// Appends framed records to a file through an in-memory buffer.
///
/// `flush()` hands the buffer to the kernel; `close()` also syncs it to disk. Everything
/// written before the last flush survives the process being killed.
public final class TFRecordWriter {
  public let path: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private let bufferLimit: Int
  public private(set) var recordCount = 0

  /// Creates (or truncates, or with `append` extends) the file.
  public init(path: String, append: Bool = false, bufferLimit: Int = 1 << 20) throws(TFRecordError) {
    self.path = path
    self.bufferLimit = bufferLimit
    descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0o644)
    guard descriptor >= 0 else {
      throw TFRecordError(.cannotOpen, path: path, "cannot create: \(String(cString: strerror(errno)))")
    }
  }

  deinit {
    if descriptor >= 0 { try? close() }
  }

  public func write(_ data: [UInt8]) throws(TFRecordError) {
    guard descriptor >= 0 else { throw TFRecordError(.io, path: path, "write after close") }
    data.withUnsafeBytes { append($0) }
    if buffer.count >= bufferLimit { try flush() }
  }

  /// Frames one record into the buffer.
  private func append(_ data: UnsafeRawBufferPointer) {
    var header = [UInt8](repeating: 0, count: 12)
    let length = UInt64(data.count)
    for i in 0..<8 { header[i] = UInt8(truncatingIfNeeded: length >> (8 * UInt64(i))) }
    let lengthCRC = header.withUnsafeBytes {
      CRC32C.maskedChecksum(UnsafeRawBufferPointer(rebasing: $0[0..<8]))
    }
    for i in 0..<4 { header[8 + i] = UInt8(truncatingIfNeeded: lengthCRC >> (8 * UInt32(i))) }
    let dataCRC = CRC32C.maskedChecksum(data)
    buffer += header
    buffer += data
    for i in 0..<4 { buffer.append(UInt8(truncatingIfNeeded: dataCRC >> (8 * UInt32(i)))) }
    recordCount += 1
  }

  /// Writes the buffered records to the file.
  public func flush() throws(TFRecordError) {
    var done = 0
    while done < buffer.count {
      let n = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, $0.count - done) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else {
        let reason = String(cString: strerror(errno))
        buffer.removeFirst(done)
        throw TFRecordError(.io, path: path, "write failed: \(reason)")
      }
      done += n
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs to disk and closes. Further writes throw.
  public func close() throws(TFRecordError) {
    guard descriptor >= 0 else { return }
    defer {
      Glibc.close(descriptor)
      descriptor = -1
    }
    try flush()
    guard fsync(descriptor) == 0 else {
      throw TFRecordError(.io, path: path, "sync failed: \(String(cString: strerror(errno)))")
    }
  }
}
