// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Why a safetensors file could not be read or written.
public struct SafetensorsError: Error, CustomStringConvertible, Equatable {
  public let path: String
  public let reason: String
  public var description: String { "\(path): \(reason)" }
}

/// The safetensors format: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the raw little-endian tensor bytes.
/// Files written here load with Python's `safetensors` and vice versa.
public enum Safetensors {
  /// Header sizes above this are refused before any allocation (the format's own limit).
  static let maximumHeaderSize = 100_000_000

  /// Serialises `tensors` (any device; copied to host) with optional string metadata.
  public static func encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) throws(TorchError)
    -> [UInt8]
  {
    var header: [String: Any] = [:]
    if !metadata.isEmpty { header["__metadata__"] = metadata }
    var body: [UInt8] = []
    for name in tensors.keys.sorted() {
      let tensor = tensors[name]!
      let bytes = try tensor.rawBytes()
      header[name] =
        [
          "dtype": tensor.dtype.safetensorsName,
          "shape": tensor.shape,
          "data_offsets": [body.count, body.count + bytes.count],
        ] as [String: Any]
      body += bytes
    }
    var json = [UInt8](
      (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) ?? Data("{}".utf8))
    // Padding the header to 8 bytes keeps the data aligned for memory-mapped readers.
    while json.count % 8 != 0 { json.append(0x20) }
    var out = [UInt8]()
    out.reserveCapacity(8 + json.count + body.count)
    withUnsafeBytes(of: UInt64(json.count).littleEndian) { out += $0 }
    out += json
    out += body
    return out
  }

  /// Writes atomically: a crash leaves the previous file intact.
  public static func save(_ tensors: [String: Tensor], metadata: [String: String] = [:], to path: String)
    throws
  {
    try AtomicFile.write(encode(tensors, metadata: metadata), to: path)
  }

  /// Loads every tensor (to the CPU), checking the whole file before creating any.
  public static func load(_ path: String) throws -> (tensors: [String: Tensor], metadata: [String: String]) {
    try decode(AtomicFile.read(path), path: path)
  }

  public static func decode(_ bytes: [UInt8], path: String = "<memory>") throws -> (
    tensors: [String: Tensor], metadata: [String: String]
  ) {
    func fail(_ reason: String) -> SafetensorsError { SafetensorsError(path: path, reason: reason) }
    guard bytes.count >= 8 else {
      throw fail("file is \(bytes.count) bytes, too short for a safetensors header")
    }
    let headerSize = bytes.prefix(8).enumerated().reduce(UInt64(0)) {
      $0 | UInt64($1.element) << (8 * UInt64($1.offset))
    }
    guard headerSize <= UInt64(maximumHeaderSize) else {
      throw fail("header length \(headerSize) is implausibly large")
    }
    guard 8 + Int(headerSize) <= bytes.count else {
      throw fail(
        "header length \(headerSize) runs past the end of the file (\(bytes.count) bytes); truncated?")
    }
    let headerBytes = Data(bytes[8..<(8 + Int(headerSize))])
    guard let header = try? JSONSerialization.jsonObject(with: headerBytes) as? [String: Any] else {
      throw fail("header is not a JSON object")
    }
    let dataStart = 8 + Int(headerSize)
    let dataLength = bytes.count - dataStart
    var metadata: [String: String] = [:]
    var entries: [(name: String, dtype: DType, shape: [Int], range: Range<Int>)] = []
    for (name, value) in header {
      if name == "__metadata__" {
        guard let m = value as? [String: String] else {
          throw fail("__metadata__ must map strings to strings")
        }
        metadata = m
        continue
      }
      guard let info = value as? [String: Any], let dtypeName = info["dtype"] as? String,
        let shape = (info["shape"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
        let offsets = (info["data_offsets"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
        offsets.count == 2
      else { throw fail("tensor '\(name)' has a malformed header entry") }
      guard let dtype = DType(safetensorsName: dtypeName) else {
        throw fail("tensor '\(name)' has unsupported dtype \(dtypeName)")
      }
      guard shape.allSatisfy({ $0 >= 0 }), shape.count == (info["shape"] as? [Any])?.count else {
        throw fail("tensor '\(name)' has an invalid shape")
      }
      let (begin, end) = (offsets[0], offsets[1])
      guard begin >= 0, begin <= end, end <= dataLength else {
        throw fail(
          "tensor '\(name)' byte range \(begin)..<\(end) lies outside the \(dataLength) data bytes; truncated?"
        )
      }
      let expected = shape.reduce(1, *) * dtype.byteSize
      guard end - begin == expected else {
        throw fail(
          "tensor '\(name)' of shape \(shape) \(dtype) needs \(expected) bytes, header gives \(end - begin)")
      }
      entries.append((name, dtype, shape, begin..<end))
    }
    // The format requires the byte ranges to tile the data exactly, without gaps or overlaps.
    var cursor = 0
    for entry in entries.sorted(by: {
      ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
    }) {
      guard entry.range.lowerBound == cursor else {
        throw fail(
          "tensor '\(entry.name)' starts at byte \(entry.range.lowerBound), expected \(cursor) (overlap or gap)"
        )
      }
      cursor = entry.range.upperBound
    }
    guard cursor == dataLength else {
      throw fail("\(dataLength - cursor) trailing bytes after the last tensor")
    }
    var tensors: [String: Tensor] = [:]
    try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws in
      for entry in entries {
        let slice = UnsafeRawBufferPointer(
          rebasing: raw[(dataStart + entry.range.lowerBound)..<(dataStart + entry.range.upperBound)])
        tensors[entry.name] = try Tensor(bytes: slice, shape: entry.shape, dtype: entry.dtype)
      }
    }
    return (tensors, metadata)
  }
}
