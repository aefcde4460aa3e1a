// SPDX-License-Identifier: Apache-2.0
import TFRecord

/// FSNS records from one or more files, read by position: line i of an endless stream is a
/// function of i and the seed alone (each pass over the records in its own shuffled order),
/// so a resumed training run reads exactly the records the interrupted one would have.
public final class RecordDataset {
  public let files: [String]
  /// (file number, byte offset) of every record.
  private let records: [(file: Int, offset: Int)]
  private let readers: [FSNSReader]
  private let seed: UInt64
  private var order: (pass: Int, indices: [Int]) = (-1, [])

  /// - Parameters:
  ///   - patterns: files or shell globs; every file is indexed up front, so a truncated file
  ///     is reported here with its name and offset.
  ///   - channels: 1 for grey lines, 3 for RGB.
  public init(patterns: [String], channels: Int, seed: UInt64) throws {
    files = try FilePattern.expand(patterns)
    var records: [(Int, Int)] = []
    for (number, path) in files.enumerated() {
      records += try TFRecordIndex(path: path).offsets.map { (number, $0) }
    }
    guard !records.isEmpty else {
      throw FSNSError("\(patterns.joined(separator: " ")): no records in \(files.count) file(s)")
    }
    self.records = records
    readers = try files.map { try FSNSReader(patterns: [$0], options: .init(channels: channels)) }
    self.seed = seed
  }

  public var count: Int { records.count }

  /// Line `index` of the stream: record order[index % count] of pass index / count.
  public func sample(_ index: Int) throws -> FSNSSample {
    let pass = index / records.count
    if order.pass != pass {
      var generator = SplitMix64(seed: seed &+ UInt64(pass) &* 0x9E37_79B9_7F4A_7C15)
      order = (pass, Array(0..<records.count).shuffled(using: &generator))
    }
    let (file, offset) = records[order.indices[index % records.count]]
    return try readers[file].sample(at: offset)
  }
}
