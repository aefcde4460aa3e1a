// SPDX-License-Identifier: Apache-2.0
import TFRecord

/// A decoded FSNS sample and where it came from.
public struct FSNSSample: Sendable {
  public let image: Image
  /// `image/class`: label ids padded with the null id.
  public let classIDs: [Int]
  public let text: String
  public let path: String
  public let offset: Int
}

/// Reads FSNS-format TFRecord files as upstream does, decoding each image.
///
/// Files are read one after another in the order of their (sorted, expanded) patterns, in
/// constant memory. A bad record or image throws an error naming the file and byte offset; with
/// `skipCorrupt` it is counted in `skipped` instead and reading goes on.
public final class FSNSReader {
  public struct Options: Sendable {
    public var skipCorrupt = false
    /// 1 for grey, 3 for RGB.
    public var channels = 3
    /// Shape of `raw` images (upstream's image_shape), which carry no size of their own.
    public var rawHeight = 150
    public var rawWidth = 600
    public var rawChannels = 3
    public var pixelLimit = Image.defaultPixelLimit

    public init(skipCorrupt: Bool = false, channels: Int = 3) {
      self.skipCorrupt = skipCorrupt
      self.channels = channels
    }
  }

  public let files: [String]
  public let options: Options
  public private(set) var skipped = 0
  /// Descriptions of the first few skipped records, for reports.
  public private(set) var skipReasons: [String] = []
  private var fileIndex = 0
  private var reader: TFRecordReader?
  private var randomAccess: TFRecordReader?

  /// - Parameter patterns: files or shell globs (`data/train-*`).
  public init(patterns: [String], options: Options = Options()) throws(TFRecordError) {
    files = try FilePattern.expand(patterns)
    self.options = options
  }

  /// The next sample, or nil after the last file.
  public func next() throws -> FSNSSample? {
    while true {
      if reader == nil {
        guard fileIndex < files.count else { return nil }
        reader = try TFRecordReader(path: files[fileIndex], options: .init(skipCorrupt: options.skipCorrupt))
        fileIndex += 1
      }
      guard let current = reader else { continue }
      guard let record = try current.nextRecord() else {
        skipped += current.skippedRecords
        if let error = current.firstSkippedError { note(error.description) }
        reader = nil
        continue
      }
      do {
        return try decode(record, path: current.path)
      } catch {
        guard options.skipCorrupt else { throw error }
        skipped += 1
        note(error.description)
      }
    }
  }

  /// The record at byte `offset` of the reader's first file, decoded.
  public func sample(at offset: Int) throws -> FSNSSample {
    let path = files[0]
    if randomAccess == nil { randomAccess = try TFRecordReader(path: path) }
    // TFRecordError and FSNSReadError both name the file and the offset.
    return try decode(randomAccess!.read(at: offset), path: path)
  }

  private func note(_ reason: String) {
    if skipReasons.count < 20 { skipReasons.append(reason) }
  }

  func decode(_ record: TFRecord, path: String) throws(FSNSReadError) -> FSNSSample {
    func fail(_ reason: String) -> FSNSReadError {
      FSNSReadError(path: path, offset: record.offset, reason: reason)
    }
    let example: FSNSExample
    do {
      example = try FSNSExample(serialized: record.data)
    } catch {
      throw fail(error.description)
    }
    let image: Image
    switch example.encoding {
    case .raw:
      let expected = options.rawHeight * options.rawWidth * options.rawChannels
      guard example.encodedImage.count == expected else {
        throw fail(
          "raw image has \(example.encodedImage.count) bytes, image shape \(options.rawHeight)×\(options.rawWidth)×\(options.rawChannels) needs \(expected)"
        )
      }
      image = Image(
        width: options.rawWidth, height: options.rawHeight, channels: options.rawChannels,
        pixels: example.encodedImage
      ).converted(toChannels: options.channels)
    case .png, .jpeg:
      do {
        image = try Image(
          decoding: example.encodedImage, channels: options.channels, pixelLimit: options.pixelLimit)
      } catch {
        throw fail("image/encoded: \(error.reason)")
      }
    }
    return FSNSSample(
      image: image, classIDs: example.classIDs, text: example.text, path: path, offset: record.offset)
  }
}

/// A record that could not be turned into a sample, with its file and byte offset.
public struct FSNSReadError: Error, CustomStringConvertible, Equatable {
  public let path: String
  public let offset: Int
  public let reason: String
  public var description: String { "\(path): byte \(offset): \(reason)" }
}
