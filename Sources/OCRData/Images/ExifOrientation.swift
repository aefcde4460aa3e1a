// SPDX-License-Identifier: Apache-2.0

/// How a camera stored a photo relative to how it is meant to be seen: the EXIF Orientation
/// tag (0x0112). Phones keep the sensor's pixel order and record the turn here, so a line
/// photographed in portrait comes out of the decoder on its side unless this is applied.
public enum ExifOrientation: Int, Sendable, CaseIterable {
  case upright = 1
  case mirrored = 2
  case upsideDown = 3
  case flipped = 4
  /// Mirrored along the main diagonal.
  case transposed = 5
  /// Stored turned a quarter anticlockwise: shown after a quarter turn clockwise.
  case turnedLeft = 6
  /// Mirrored along the other diagonal.
  case transversed = 7
  /// Stored turned a quarter clockwise: shown after a quarter turn anticlockwise.
  case turnedRight = 8

  /// Whether showing the image swaps its width and height.
  public var swapsSides: Bool { rawValue >= 5 }

  /// The orientation recorded in a JPEG's APP1 Exif segment or a PNG's eXIf chunk; nil when
  /// there is none or it cannot be read (a damaged tag is ignored rather than failing the
  /// whole image).
  public init?(reading bytes: [UInt8]) {
    let tiff: ArraySlice<UInt8>?
    switch ImageFormat(sniffing: bytes) {
    case .jpeg: tiff = Self.jpegExif(bytes)
    case .png: tiff = Self.pngExif(bytes)
    case nil: tiff = nil
    }
    guard let tiff, let value = Self.orientationTag(inTIFF: tiff) else { return nil }
    self.init(rawValue: value)
  }

  /// The TIFF structure inside the first APP1 segment that starts with "Exif\0\0".
  private static func jpegExif(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
    var offset = 2
    while offset + 4 <= bytes.count, bytes[offset] == 0xFF {
      let marker = bytes[offset + 1]
      // Start of scan: the metadata segments are all before it.
      if marker == 0xDA { return nil }
      let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
      let end = offset + 2 + length
      guard length >= 2, end <= bytes.count else { return nil }
      let body = bytes[(offset + 4)..<end]
      if marker == 0xE1, body.starts(with: Array("Exif\0\0".utf8)) {
        return body.dropFirst(6)
      }
      offset = end
    }
    return nil
  }

  /// The eXIf chunk's contents (a bare TIFF structure), looked for before the image data.
  private static func pngExif(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
    var offset = 8
    while offset + 8 <= bytes.count {
      let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
      let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
      let start = offset + 8
      guard length >= 0, start + length + 4 <= bytes.count else { return nil }
      if type == "eXIf" { return bytes[start..<(start + length)] }
      if type == "IDAT" || type == "IEND" { return nil }
      offset = start + length + 4  // data and CRC
    }
    return nil
  }

  /// Tag 0x0112 of the first image file directory of a TIFF structure (either byte order).
  private static func orientationTag(inTIFF tiff: ArraySlice<UInt8>) -> Int? {
    let base = tiff.startIndex
    guard tiff.count >= 8 else { return nil }
    let bigEndian: Bool
    switch (tiff[base], tiff[base + 1]) {
    case (0x4D, 0x4D): bigEndian = true
    case (0x49, 0x49): bigEndian = false
    default: return nil
    }
    func number(at position: Int, bytes count: Int) -> Int? {
      guard position >= 0, position + count <= tiff.count else { return nil }
      let slice = tiff[(base + position)..<(base + position + count)]
      return (bigEndian ? Array(slice) : slice.reversed()).reduce(0) { $0 << 8 | Int($1) }
    }
    guard number(at: 2, bytes: 2) == 42, let directory = number(at: 4, bytes: 4),
      let entries = number(at: directory, bytes: 2)
    else { return nil }
    for entry in 0..<entries {
      let position = directory + 2 + 12 * entry
      guard let tag = number(at: position, bytes: 2) else { return nil }
      // A SHORT (type 3) value sits in the first two bytes of the entry's value field.
      if tag == 0x0112, number(at: position + 2, bytes: 2) == 3 {
        return number(at: position + 8, bytes: 2)
      }
    }
    return nil
  }
}
