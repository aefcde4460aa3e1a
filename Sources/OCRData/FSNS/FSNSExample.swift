// SPDX-License-Identifier: Apache-2.0
import Foundation
import SwiftProtobuf
import TFRecord

/// One FSNS-format record: an encoded line image and its label, with the feature keys and
/// types upstream's `datasets/fsns.py` reads (see docs/data.md).
public struct FSNSExample: Sendable, Equatable {
  /// How `image/encoded` is stored.
  public enum Encoding: String, Sendable, CaseIterable {
    case png = "PNG"
    case jpeg = "JPEG"
    /// Uncompressed H·W·C bytes, as FSNS-tfrecord-generate's JPG script writes.
    case raw = "raw"
  }

  public var encodedImage: [UInt8]
  public var encoding: Encoding
  public var width: Int
  public var originalWidth: Int
  /// Present in Google's files, absent in the generator's.
  public var height: Int?
  /// Label ids padded with the null id to the maximum length (`image/class`).
  public var classIDs: [Int]
  /// Label ids without padding (`image/unpadded_class`).
  public var unpaddedClassIDs: [Int]
  public var text: String

  public init(
    encodedImage: [UInt8], encoding: Encoding, width: Int, originalWidth: Int, height: Int?, classIDs: [Int],
    unpaddedClassIDs: [Int], text: String
  ) {
    self.encodedImage = encodedImage
    self.encoding = encoding
    self.width = width
    self.originalWidth = originalWidth
    self.height = height
    self.classIDs = classIDs
    self.unpaddedClassIDs = unpaddedClassIDs
    self.text = text
  }

  /// Parses a serialized `tf.train.Example`.
  public init(serialized bytes: [UInt8]) throws(FSNSError) {
    let example: Tensorflow_Example
    do {
      example = try Tensorflow_Example(serializedBytes: bytes)
    } catch {
      throw FSNSError("record is not a tf.train.Example: \(error)")
    }
    let features = example.features.feature
    func bytesFeature(_ key: String) -> [Data]? {
      guard let feature = features[key], case .bytesList(let list)? = feature.kind else { return nil }
      return list.value
    }
    func intFeature(_ key: String) -> [Int]? {
      guard let feature = features[key], case .int64List(let list)? = feature.kind else { return nil }
      return list.value.map(Int.init)
    }
    guard let image = bytesFeature("image/encoded")?.first else { throw FSNSError("missing image/encoded") }
    guard let classIDs = intFeature("image/class") else { throw FSNSError("missing image/class") }
    // Upstream's defaults when a feature is absent: format 'png', widths 0, text ''.
    let formatName = bytesFeature("image/format")?.first.map { String(decoding: $0, as: UTF8.self) } ?? "png"
    guard let encoding = Encoding(upstreamName: formatName) else {
      throw FSNSError("unsupported image/format '\(formatName)'")
    }
    self.init(
      encodedImage: [UInt8](image), encoding: encoding, width: intFeature("image/width")?.first ?? 0,
      originalWidth: intFeature("image/orig_width")?.first ?? 0, height: intFeature("image/height")?.first,
      classIDs: classIDs, unpaddedClassIDs: intFeature("image/unpadded_class") ?? [],
      text: bytesFeature("image/text")?.first.map { String(decoding: $0, as: UTF8.self) } ?? "")
  }

  /// The serialized `tf.train.Example`.
  public func serialized() throws -> [UInt8] {
    func bytes(_ values: [Data]) -> Tensorflow_Feature {
      var feature = Tensorflow_Feature()
      feature.bytesList.value = values
      return feature
    }
    func ints(_ values: [Int]) -> Tensorflow_Feature {
      var feature = Tensorflow_Feature()
      feature.int64List.value = values.map(Int64.init)
      return feature
    }
    var example = Tensorflow_Example()
    example.features.feature = [
      "image/encoded": bytes([Data(encodedImage)]),
      "image/format": bytes([Data(encoding.rawValue.utf8)]),
      "image/width": ints([width]),
      "image/orig_width": ints([originalWidth]),
      "image/class": ints(classIDs),
      "image/unpadded_class": ints(unpaddedClassIDs),
      "image/text": bytes([Data(text.utf8)]),
    ]
    if let height { example.features.feature["image/height"] = ints([height]) }
    // Map entries in key order, so the same example always gives the same bytes.
    var options = BinaryEncodingOptions()
    options.useDeterministicOrdering = true
    return try example.serializedBytes(options: options)
  }
}

extension FSNSExample.Encoding {
  /// Upstream's decoder treats `raw`/`RAW` as raw bytes and anything else as an encoded image.
  init?(upstreamName: String) {
    switch upstreamName.lowercased() {
    case "png": self = .png
    case "jpeg", "jpg": self = .jpeg
    case "raw": self = .raw
    default: return nil
    }
  }
}

/// A record that does not hold a usable FSNS example.
public struct FSNSError: Error, CustomStringConvertible, Equatable {
  public let description: String
  public init(_ description: String) { self.description = description }
}
