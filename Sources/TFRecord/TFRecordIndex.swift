// SPDX-License-Identifier: Apache-2.0

/// The byte offset of every record in a file, for random access and shuffling.
///
/// Building it reads only the 12-byte headers (checking the length CRCs); each record's data
/// CRC is checked when the record is read.
public struct TFRecordIndex: Sendable {
  public let path: String
  public let offsets: [Int]

  public init(path: String) throws(TFRecordError) {
    let reader = try TFRecordReader(path: path)
    var offsets: [Int] = []
    var offset = 0
    while offset < reader.fileSize {
      let length = try reader.recordLength(at: offset)
      let end = offset + TFRecordReader.headerSize + length + TFRecordReader.footerSize
      guard end <= reader.fileSize else {
        throw TFRecordError(
          .truncated, path: path, offset: offset, "record of \(length) bytes runs past the end of the file")
      }
      offsets.append(offset)
      offset = end
    }
    self.path = path
    self.offsets = offsets
  }

  public var count: Int { offsets.count }
}
