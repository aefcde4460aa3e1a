// SPDX-License-Identifier: Apache-2.0
import OCRData
import Testing

/// A TIFF structure whose first directory holds one entry: Orientation (0x0112) = `value`.
func exifTIFF(orientation value: Int, bigEndian: Bool) -> [UInt8] {
  func u16(_ v: Int) -> [UInt8] {
    let bytes = [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    return bigEndian ? bytes : bytes.reversed()
  }
  func u32(_ v: Int) -> [UInt8] {
    let bytes = [24, 16, 8, 0].map { UInt8(v >> $0 & 0xFF) }
    return bigEndian ? bytes : bytes.reversed()
  }
  let header = (bigEndian ? Array("MM".utf8) : Array("II".utf8)) + u16(42) + u32(8)
  // Another tag first, so the reader has to walk the directory.
  let width = u16(0x0100) + u16(3) + u32(1) + u16(3) + [0, 0]
  let orientation = u16(0x0112) + u16(3) + u32(1) + u16(value) + [0, 0]
  return header + u16(2) + width + orientation + u32(0)
}

/// `bytes` (a JPEG) with an APP1 Exif segment right after its start-of-image marker.
func jpegTagged(_ bytes: [UInt8], orientation: Int) -> [UInt8] {
  let body = Array("Exif\0\0".utf8) + exifTIFF(orientation: orientation, bigEndian: true)
  let length = body.count + 2
  let segment = [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + body
  return Array(bytes.prefix(2)) + segment + bytes.dropFirst(2)
}

/// `bytes` (a PNG) with an eXIf chunk right after its IHDR chunk.
func pngTagged(_ bytes: [UInt8], orientation: Int) -> [UInt8] {
  func be(_ v: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: v >> $0) } }
  let typed = Array("eXIf".utf8) + exifTIFF(orientation: orientation, bigEndian: false)
  let chunk = be(UInt32(typed.count - 4)) + typed + be(pngCRC(typed))
  let afterHeader = 8 + 8 + 13 + 4  // signature, IHDR length and type, its data, its CRC
  return Array(bytes.prefix(afterHeader)) + chunk + bytes.dropFirst(afterHeader)
}

@Suite struct ExifOrientationTests {
  /// The picture as it should be seen: 3 wide, 2 high, every pixel different.
  let upright = Image(width: 3, height: 2, channels: 1, pixels: [10, 20, 30, 40, 50, 60])

  /// How a camera would have stored `upright` under each orientation, written out by hand.
  let stored: [(Int, Image)] = [
    (1, Image(width: 3, height: 2, channels: 1, pixels: [10, 20, 30, 40, 50, 60])),
    (2, Image(width: 3, height: 2, channels: 1, pixels: [30, 20, 10, 60, 50, 40])),
    (3, Image(width: 3, height: 2, channels: 1, pixels: [60, 50, 40, 30, 20, 10])),
    (4, Image(width: 3, height: 2, channels: 1, pixels: [40, 50, 60, 10, 20, 30])),
    (5, Image(width: 2, height: 3, channels: 1, pixels: [10, 40, 20, 50, 30, 60])),
    (6, Image(width: 2, height: 3, channels: 1, pixels: [30, 60, 20, 50, 10, 40])),
    (7, Image(width: 2, height: 3, channels: 1, pixels: [60, 30, 50, 20, 40, 10])),
    (8, Image(width: 2, height: 3, channels: 1, pixels: [40, 10, 50, 20, 60, 30])),
  ]

  @Test func everyOrientationTurnsTheStoredPixelsUpright() throws {
    for (value, image) in stored {
      let orientation = try #require(ExifOrientation(rawValue: value))
      #expect(image.oriented(orientation) == upright, "orientation \(value)")
    }
  }

  @Test func decodingAPNGAppliesItsExifChunk() throws {
    for (value, image) in stored {
      let tagged = try pngTagged(image.pngData(), orientation: value)
      #expect(ExifOrientation(reading: tagged)?.rawValue == value)
      #expect(try Image(decoding: tagged, channels: 1) == upright, "orientation \(value)")
    }
  }

  @Test func decodingAJPEGAppliesItsExifSegment() throws {
    let tall = Image(width: 16, height: 48, channels: 3, value: 128)
    let tagged = try jpegTagged(tall.jpegData(), orientation: 6)
    #expect(ExifOrientation(reading: tagged) == .turnedLeft)
    let decoded = try Image(decoding: tagged, channels: 3)
    #expect((decoded.width, decoded.height) == (48, 16))
    // A segment that claims more bytes than it has is ignored, not fatal.
    var damaged = try jpegTagged(tall.jpegData(), orientation: 6)
    damaged[4] = 0xFF
    #expect(ExifOrientation(reading: damaged) == nil)
    // An orientation outside 1…8 is ignored too.
    #expect(ExifOrientation(reading: try jpegTagged(tall.jpegData(), orientation: 9)) == nil)
  }

  @Test func filesWithoutTheTagStayAsStored() throws {
    let image = Image(width: 5, height: 2, channels: 1, value: 7)
    #expect(ExifOrientation(reading: try image.pngData()) == nil)
    #expect(ExifOrientation(reading: try image.jpegData()) == nil)
    #expect(ExifOrientation(reading: [1, 2, 3]) == nil)
  }
}
