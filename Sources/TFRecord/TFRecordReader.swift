// SPDX-License-Identifier: Apache-2.0

/// One record's payload and where it starts in its file.
public struct TFRecord: Sendable {
  public let offset: Int
  public let data: [UInt8]
}

/// Reads TFRecord files: `uint64 length | uint32 masked CRC of length | data | uint32 masked CRC
/// of data`, little-endian, verifying both CRCs.
///
/// Reading streams through a fixed window, so memory stays constant whatever the file size.
/// By default the first corrupt or truncated record throws a `TFRecordError` naming the file and
/// byte offset. With `skipCorrupt`, bad records are counted in `skippedRecords` and reading
/// resumes at the next record whose header checks out, so every good record is kept.
public final class TFRecordReader: Sequence, IteratorProtocol {
  public struct Options: Sendable {
    public var skipCorrupt: Bool
    /// Records longer than this are treated as corrupt (protects against a bogus length).
    public var maximumRecordSize: Int

    public init(skipCorrupt: Bool = false, maximumRecordSize: Int = 1 << 30) {
      self.skipCorrupt = skipCorrupt
      self.maximumRecordSize = maximumRecordSize
    }
  }

  static let headerSize = 12
  static let footerSize = 4

  public let path: String
  public let options: Options
  /// Where the next sequential read starts.
  public private(set) var offset = 0
  public private(set) var skippedRecords = 0
  /// The first error met in skip mode (for reporting), if any.
  public private(set) var firstSkippedError: TFRecordError?
  private let file: RandomAccessFile

  public init(path: String, options: Options = Options()) throws(TFRecordError) {
    self.path = path
    self.options = options
    file = try RandomAccessFile(path: path)
  }

  public var fileSize: Int { file.size }

  /// The next good record, or nil at the end of the file.
  public func nextRecord() throws(TFRecordError) -> TFRecord? {
    while offset < file.size {
      do {
        let record = try read(at: offset)
        offset += Self.headerSize + record.data.count + Self.footerSize
        return record
      } catch {
        guard options.skipCorrupt else { throw error }
        skippedRecords += 1
        if firstSkippedError == nil { firstSkippedError = error }
        offset = try resynchronise(after: offset, dataError: error)
      }
    }
    return nil
  }

  /// `Sequence` conformance for `for record in reader`; errors end the iteration, so prefer
  /// `nextRecord()` where they must be seen.
  public func next() -> TFRecord? { try? nextRecord() }

  /// Reads and verifies the record that starts at `offset`.
  public func read(at offset: Int) throws(TFRecordError) -> TFRecord {
    let length = try recordLength(at: offset)
    guard let data = try file.read(at: offset + Self.headerSize, count: length),
      let footer = try file.read(at: offset + Self.headerSize + length, count: Self.footerSize)
    else {
      throw TFRecordError(
        .truncated, path: path, offset: offset,
        "record of \(length) bytes runs past the end of the file (\(file.size) bytes); truncated file")
    }
    let expected = footer.littleEndianUInt32(at: 0)
    let actual = data.withUnsafeBytes { CRC32C.maskedChecksum($0) }
    guard expected == actual else {
      throw TFRecordError(.corruptData, path: path, offset: offset, "data CRC mismatch: corrupt record")
    }
    return TFRecord(offset: offset, data: data)
  }

  /// The length in the header at `offset`, after checking its CRC.
  func recordLength(at offset: Int) throws(TFRecordError) -> Int {
    guard let header = try file.read(at: offset, count: Self.headerSize) else {
      throw TFRecordError(
        .truncated, path: path, offset: offset,
        "\(file.size - offset) trailing bytes are too few for a record header; truncated file")
    }
    let length = header.littleEndianUInt64(at: 0)
    let crc = header.withUnsafeBytes { CRC32C.maskedChecksum(UnsafeRawBufferPointer(rebasing: $0[0..<8])) }
    guard crc == header.littleEndianUInt32(at: 8) else {
      throw TFRecordError(
        .corruptLength, path: path, offset: offset, "length CRC mismatch: corrupt record header")
    }
    guard length <= UInt64(options.maximumRecordSize) else {
      throw TFRecordError(
        .corruptLength, path: path, offset: offset, "record length \(length) exceeds the limit")
    }
    return Int(length)
  }

  /// Where reading resumes after a bad record: just past it when only its data was bad (its
  /// length is trustworthy), else the next offset whose header CRC checks out.
  private func resynchronise(after start: Int, dataError: TFRecordError) throws(TFRecordError) -> Int {
    if dataError.kind == .corruptData, let length = try? recordLength(at: start) {
      return start + Self.headerSize + length + Self.footerSize
    }
    var candidate = start + 1
    while candidate + Self.headerSize + Self.footerSize <= file.size {
      if let length = try? recordLength(at: candidate),
        candidate + Self.headerSize + length + Self.footerSize <= file.size
      {
        return candidate
      }
      candidate += 1
    }
    return file.size
  }
}
