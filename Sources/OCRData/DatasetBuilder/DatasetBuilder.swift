// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import TFRecord

/// Turns labelled images into sharded FSNS TFRecords with a seeded train/validation split: the
/// job of upstream's FSNS-tfrecord-generate, with its failures reported instead of raised.
public struct DatasetBuilder {
  /// How images are stored.
  public enum Layout: Sendable, Equatable {
    /// Upstream's: stretched to 600×150 RGB, aspect not kept (what the seed's generator did).
    case upstream
    /// Grey at a fixed height, width following the aspect ratio (capped at `maxWidth`).
    case line(height: Int, maxWidth: Int)
  }

  public struct Options: Sendable {
    public var layout: Layout = .upstream
    public var encoding: FSNSExample.Encoding = .png
    public var maximumLength = 37
    public var unknownPolicy: UnknownCharacterPolicy = .skipSample
    public var validationFraction = 0.1
    public var seed: UInt64 = 1
    public var recordsPerShard = 10_000
    public var overwrite = false
    public init() {}
  }

  public let charset: Charset
  public let options: Options

  public init(charset: Charset, options: Options = Options()) throws {
    if options.encoding == .raw, case .line = options.layout {
      throw DatasetError("raw encoding needs a fixed image size: use the upstream layout or PNG/JPEG")
    }
    guard (0...1).contains(options.validationFraction) else {
      throw DatasetError("validation fraction must be in [0, 1], got \(options.validationFraction)")
    }
    self.charset = charset
    self.options = options
  }

  /// Builds the dataset in `directory` (as `train-NNNNN-of-NNNNN`, `validation-…`, and
  /// `dataset-summary.json`). `progress` is called with (done, total) after each image.
  public func build(
    _ inputs: [LabelledImage], into directory: String, progress: (Int, Int) -> Void = { _, _ in }
  ) throws -> DatasetSummary {
    let fm = FileManager.default
    try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let existing = try fm.contentsOfDirectory(atPath: directory).filter {
      $0.hasPrefix("train-") || $0.hasPrefix("validation-")
    }
    if !existing.isEmpty && !options.overwrite {
      throw DatasetError(
        "\(directory) already holds shards (\(existing.sorted()[0]), …): choose another folder or overwrite")
    }
    for name in existing { try fm.removeItem(atPath: "\(directory)/\(name)") }

    var summary = DatasetSummary(inputs: inputs.count)
    var encoder = LabelEncoder(
      charset: charset, policy: options.unknownPolicy == .mapToUnknown ? .skipSample : options.unknownPolicy,
      maximumLength: options.maximumLength)
    var splits = [
      "train": ShardWriter(directory: directory, prefix: "train", recordsPerShard: options.recordsPerShard),
      "validation": ShardWriter(
        directory: directory, prefix: "validation", recordsPerShard: options.recordsPerShard),
    ]
    var generator = SplitMix64(seed: options.seed)
    let order = inputs.indices.shuffled(using: &generator)
    let validationCount = Int((Double(inputs.count) * options.validationFraction).rounded())
    let validation = Set(order.prefix(validationCount))

    for (done, index) in inputs.indices.enumerated() {
      defer { progress(done + 1, inputs.count) }
      let input = inputs[index]
      let ids: [Int]
      do {
        guard let encoded = try encoder.encode(input.text) else {
          summary.skip(input.imagePath, "characters outside the dictionary in '\(input.text)'")
          continue
        }
        ids = encoded
      } catch {
        if options.unknownPolicy == .fail { throw DatasetError("\(input.imagePath): \(error)") }
        summary.skip(input.imagePath, error.description)
        continue
      }
      let example: FSNSExample
      do {
        example = try makeExample(input, ids: ids, encoder: encoder)
      } catch {
        summary.skip(input.imagePath, "\(error)")
        continue
      }
      let split = validation.contains(index) ? "validation" : "train"
      try splits[split]!.write(example.serialized())
      summary.record(split: split, length: ids.count)
    }
    summary.unknownCharacters = Dictionary(
      uniqueKeysWithValues: encoder.unknownCounts.map { (String($0.key), $0.value) })
    summary.trainShards = try splits["train"]!.finish()
    summary.validationShards = try splits["validation"]!.finish()
    try summary.write(to: "\(directory)/dataset-summary.json")
    return summary
  }

  func makeExample(_ input: LabelledImage, ids: [Int], encoder: LabelEncoder) throws -> FSNSExample {
    let source = try Image(contentsOf: input.imagePath, channels: 3)
    let image: Image
    switch options.layout {
    case .upstream: image = source.resized(width: 600, height: 150, method: .area)
    case .line(let height, let maxWidth):
      image = source.grey().lineResized(toHeight: height, maxWidth: maxWidth)
    }
    let encoded: [UInt8] =
      switch options.encoding {
      case .png: try image.pngData()
      case .jpeg: try image.jpegData(quality: 95)
      case .raw: image.pixels
      }
    return FSNSExample(
      encodedImage: encoded, encoding: options.encoding, width: image.width, originalWidth: image.width,
      height: image.height, classIDs: encoder.padded(ids), unpaddedClassIDs: ids, text: input.text)
  }
}

/// Writes `prefix-NNNNN-of-NNNNN` shards; the total is only known at the end, so shards are
/// written under temporary names and renamed by `finish()`.
public struct ShardWriter {
  let directory: String
  let prefix: String
  let recordsPerShard: Int
  private var writer: TFRecordWriter?
  private var temporaryPaths: [String] = []

  /// Creates `directory`, refusing one that already holds shards unless `overwrite` (then they
  /// are removed), so a new dataset never mixes with an old one.
  public static func prepare(directory: String, overwrite: Bool) throws {
    let fm = FileManager.default
    try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let existing = try fm.contentsOfDirectory(atPath: directory).filter {
      $0.hasPrefix("train-") || $0.hasPrefix("validation-")
    }
    if !existing.isEmpty && !overwrite {
      throw DatasetError(
        "\(directory) already holds shards (\(existing.sorted()[0]), …): choose another folder or overwrite")
    }
    for name in existing { try fm.removeItem(atPath: "\(directory)/\(name)") }
  }

  public init(directory: String, prefix: String, recordsPerShard: Int) {
    self.directory = directory
    self.prefix = prefix
    self.recordsPerShard = max(1, recordsPerShard)
  }

  public mutating func write(_ record: [UInt8]) throws {
    if writer == nil || writer!.recordCount >= recordsPerShard {
      try writer?.close()
      let path = "\(directory)/.\(prefix)-\(temporaryPaths.count).partial"
      temporaryPaths.append(path)
      writer = try TFRecordWriter(path: path)
    }
    try writer!.write(record)
  }

  /// Closes the last shard and gives every shard its final name; returns the names.
  public mutating func finish() throws -> [String] {
    try writer?.close()
    writer = nil
    let total = temporaryPaths.count
    return try temporaryPaths.enumerated().map { index, path in
      let name = String(format: "%@-%05d-of-%05d", prefix, index, total)
      try FileManager.default.moveItem(atPath: path, toPath: "\(directory)/\(name)")
      return name
    }
  }
}
