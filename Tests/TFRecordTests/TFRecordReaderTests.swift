// SPDX-License-Identifier: Apache-2.0
import Foundation
import TFRecord
import TestScratch
import Testing

@Suite struct TFRecordReaderTests {
  let folder = Scratch.folder("tfrecord-tests")

  func write(_ records: [[UInt8]], to name: String) throws -> String {
    let path = "\(folder)/\(name)"
    let writer = try TFRecordWriter(path: path)
    for record in records { try writer.write(record) }
    try writer.close()
    return path
  }

  func readAll(_ path: String, skip: Bool = false) throws -> (records: [[UInt8]], skipped: Int) {
    let reader = try TFRecordReader(path: path, options: .init(skipCorrupt: skip))
    var records: [[UInt8]] = []
    while let record = try reader.nextRecord() { records.append(record.data) }
    return (records, reader.skippedRecords)
  }

  let sample: [[UInt8]] = [Array("first".utf8), [], (0..<3000).map { UInt8($0 % 251) }, Array("last".utf8)]

  @Test func readsGooglesRealFSNSFile() throws {
    let (records, skipped) = try readAll(Fixtures.fsnsRecords)
    #expect(records.count == 5)
    #expect(skipped == 0)
    #expect(records.map(\.count).allSatisfy { $0 > 90_000 })
  }

  @Test func roundTripsRecords() throws {
    let path = try write(sample, to: "roundtrip.tfrecord")
    #expect(try readAll(path).records == sample)
  }

  @Test func indexGivesRandomAccess() throws {
    let path = try write(sample, to: "indexed.tfrecord")
    let index = try TFRecordIndex(path: path)
    #expect(index.count == 4)
    let reader = try TFRecordReader(path: path)
    #expect(try reader.read(at: index.offsets[2]).data == sample[2])
    #expect(try reader.read(at: index.offsets[0]).data == sample[0])
    #expect(try TFRecordIndex(path: Fixtures.fsnsRecords).count == 5)
  }

  @Test func truncatedFileNamesFileAndOffset() throws {
    let path = try write(sample, to: "truncated.tfrecord")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    try bytes.prefix(bytes.count - 2).write(to: URL(fileURLWithPath: path))
    do {
      _ = try readAll(path)
      Issue.record("a truncated file must not read cleanly")
    } catch let error as TFRecordError {
      #expect(error.kind == .truncated)
      #expect(error.path == path)
      let lastOffset = 16 * 3 + 5 + 0 + 3000
      #expect(error.offset == lastOffset)
      #expect(error.description.contains("byte \(lastOffset)"))
    }
    // Skipping keeps the three complete records.
    let (records, skipped) = try readAll(path, skip: true)
    #expect(records == Array(sample.prefix(3)))
    #expect(skipped == 1)
  }

  @Test func corruptDataIsDetectedAndSkippable() throws {
    let path = try write(sample, to: "corrupt-data.tfrecord")
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[16 + 5 + 16 + 12 + 100] ^= 0x01  // inside the third record's data
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(throws: TFRecordError.self) { try readAll(path) }
    let (records, skipped) = try readAll(path, skip: true)
    #expect(records == [sample[0], sample[1], sample[3]])
    #expect(skipped == 1)
  }

  @Test func corruptLengthResynchronisesOnTheNextGoodRecord() throws {
    let path = try write(sample, to: "corrupt-length.tfrecord")
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[16 + 5 + 3] ^= 0x40  // the second record's length field
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    do {
      _ = try readAll(path)
      Issue.record("a corrupt length must throw")
    } catch let error as TFRecordError {
      #expect(error.kind == .corruptLength)
      #expect(error.offset == 21)
    }
    let (records, skipped) = try readAll(path, skip: true)
    #expect(records == [sample[0], sample[2], sample[3]])
    #expect(skipped == 1)
  }

  @Test func garbageFileYieldsAnErrorNotACrash() throws {
    let path = "\(folder)/garbage"
    try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(
      to: URL(fileURLWithPath: path))
    #expect(throws: TFRecordError.self) { try readAll(path) }
    #expect(try readAll(path, skip: true).records.isEmpty)
  }

  @Test func missingFileAndEmptyPatternAreClearErrors() throws {
    #expect(throws: TFRecordError.self) { try TFRecordReader(path: "\(folder)/none") }
    do {
      _ = try FilePattern.expand(["\(folder)/train-*"])
      Issue.record("an empty glob must throw")
    } catch {
      #expect(error.kind == .noMatchingFiles)
      #expect(error.description.contains("train-*"))
    }
  }

  @Test func shardPatternsExpandSorted() throws {
    for shard in [2, 0, 1] { _ = try write([[UInt8(shard)]], to: "train-0000\(shard)-of-00003") }
    _ = try write([[9]], to: "validation-00000-of-00001")
    let files = try FilePattern.expand(["\(folder)/train-*"])
    #expect(
      files.map { ($0 as NSString).lastPathComponent } == [
        "train-00000-of-00003", "train-00001-of-00003", "train-00002-of-00003",
      ])
  }

  @Test func writerFlushMakesRecordsVisibleBeforeClose() throws {
    let path = "\(folder)/flushed.tfrecord"
    let writer = try TFRecordWriter(path: path)
    try writer.write(Array("one".utf8))
    try writer.flush()
    try writer.write(Array("two".utf8))  // buffered, not flushed: as if the process died here
    #expect(try readAll(path).records == [Array("one".utf8)])
    try writer.close()
    #expect(try readAll(path).records.count == 2)
  }
}
