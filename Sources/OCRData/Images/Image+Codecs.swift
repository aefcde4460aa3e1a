// SPDX-License-Identifier: Apache-2.0
import CImageCodecs
import Foundation

/// Encoded image formats this package reads and writes.
public enum ImageFormat: String, Sendable {
  case png
  case jpeg

  public var displayName: String { rawValue.uppercased() }

  /// Recognises PNG and JPEG by their leading bytes.
  public init?(sniffing bytes: [UInt8]) {
    if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
      self = .png
    } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
      self = .jpeg
    } else {
      return nil
    }
  }
}

extension Image {
  /// Images above this many pixels are refused before decoding allocates anything
  /// (a 30,000×30,000 header would otherwise ask for 2.7 GB).
  public static let defaultPixelLimit = 50_000_000

  /// Decodes PNG or JPEG bytes to `channels` (1 grey, 3 RGB), turned upright when the file
  /// records an EXIF orientation (as phone photos do).
  public init(decoding bytes: [UInt8], channels: Int = 3, pixelLimit: Int = Image.defaultPixelLimit)
    throws(ImageError)
  {
    guard !bytes.isEmpty else { throw ImageError("empty file") }
    guard let format = ImageFormat(sniffing: bytes) else {
      throw ImageError("not a PNG or JPEG file (unrecognised leading bytes)")
    }
    guard channels == 1 || channels == 3 else { throw ImageError("channels must be 1 or 3, got \(channels)") }
    var decoded = ic_image()
    let status = bytes.withUnsafeBufferPointer { buffer in
      switch format {
      case .png: ic_decode_png(buffer.baseAddress, buffer.count, Int32(channels), Int64(pixelLimit), &decoded)
      case .jpeg:
        ic_decode_jpeg(buffer.baseAddress, buffer.count, Int32(channels), Int64(pixelLimit), &decoded)
      }
    }
    guard status == 0, let pointer = decoded.pixels else {
      let message = withUnsafeBytes(of: decoded.error) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      throw ImageError("\(format.displayName): \(message.isEmpty ? "cannot decode" : message)")
    }
    defer { ic_free(pointer) }
    let count = Int(decoded.width) * Int(decoded.height) * Int(decoded.channels)
    self.init(
      width: Int(decoded.width), height: Int(decoded.height), channels: Int(decoded.channels),
      pixels: Array(UnsafeBufferPointer(start: pointer, count: count)))
    if let orientation = ExifOrientation(reading: bytes), orientation != .upright {
      self = oriented(orientation)
    }
  }

  /// Reads and decodes an image file; errors name the file.
  public init(contentsOf path: String, channels: Int = 3, pixelLimit: Int = Image.defaultPixelLimit)
    throws(ImageError)
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      let exists = FileManager.default.fileExists(atPath: path)
      throw ImageError(path: path, exists ? "cannot read the file" : "no such file")
    }
    do {
      try self.init(decoding: [UInt8](data), channels: channels, pixelLimit: pixelLimit)
    } catch {
      throw error.at(path)
    }
  }

  public func pngData() throws(ImageError) -> [UInt8] {
    try encode { pixels, out, size, error in
      ic_encode_png(pixels, Int32(width), Int32(height), Int32(channels), out, size, error, 256)
    }
  }

  public func jpegData(quality: Int = 90) throws(ImageError) -> [UInt8] {
    try encode { pixels, out, size, error in
      ic_encode_jpeg(
        pixels, Int32(width), Int32(height), Int32(channels), Int32(quality), out, size, error, 256)
    }
  }

  private func encode(
    _ encoder: (
      UnsafePointer<UInt8>?, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, UnsafeMutablePointer<Int>,
      UnsafeMutablePointer<CChar>
    ) -> Int32
  ) throws(ImageError) -> [UInt8] {
    var out: UnsafeMutablePointer<UInt8>?
    var size = 0
    var error = [CChar](repeating: 0, count: 256)
    let status = pixels.withUnsafeBufferPointer { encoder($0.baseAddress, &out, &size, &error) }
    guard status == 0, let out else {
      throw ImageError(
        String(decoding: error.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    defer { ic_free(out) }
    return Array(UnsafeBufferPointer(start: out, count: size))
  }

  /// Writes PNG or JPEG, chosen by the file extension.
  public func write(to path: String) throws(ImageError) {
    let lower = path.lowercased()
    let bytes = lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") ? try jpegData() : try pngData()
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
      throw ImageError(path: path, "cannot write the file")
    }
  }
}
