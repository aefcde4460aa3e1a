// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRData
import TestScratch
import Testing

/// The standard CRC-32 (zlib), to forge PNG chunks with valid checksums.
func pngCRC(_ bytes: [UInt8]) -> UInt32 {
  var crc: UInt32 = 0xFFFF_FFFF
  for byte in bytes {
    crc ^= UInt32(byte)
    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
  }
  return ~crc
}

/// A PNG whose IHDR claims `width`×`height` RGB, followed by a tiny IDAT and IEND, all with
/// valid CRCs: enough for a decoder to read the header and decide on the size.
func forgedPNGHeader(width: UInt32, height: UInt32) -> [UInt8] {
  func be(_ v: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: v >> $0) } }
  func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
    let typed = Array(type.utf8) + body
    return be(UInt32(body.count)) + typed + be(pngCRC(typed))
  }
  let header = chunk("IHDR", be(width) + be(height) + [8, 2, 0, 0, 0])
  let data = chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])
  return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + header + data + chunk("IEND", [])
}

@Suite struct ImageCodecTests {
  func gradient(width: Int, height: Int, channels: Int) -> Image {
    Image(
      width: width, height: height, channels: channels,
      pixels: (0..<(width * height * channels)).map { UInt8(truncatingIfNeeded: $0 * 7 + $0 / 13) })
  }

  @Test(arguments: [1, 3])
  func pngRoundTripsLosslessly(channels: Int) throws {
    let image = gradient(width: 37, height: 11, channels: channels)
    let decoded = try Image(decoding: image.pngData(), channels: channels)
    #expect(decoded == image)
  }

  @Test func jpegRoundTripsApproximately() throws {
    let image = Image(width: 64, height: 32, channels: 1, value: 200)
    let decoded = try Image(decoding: image.jpegData(quality: 95), channels: 1)
    #expect(decoded.width == 64 && decoded.height == 32)
    #expect(decoded.pixels.allSatisfy { abs(Int($0) - 200) <= 2 })
  }

  @Test func decodesUpstreamFiles() throws {
    let fsns = try Image(contentsOf: "\(Fixtures.folder)/fsns/fsns_train_00.png")
    #expect((fsns.width, fsns.height, fsns.channels) == (600, 150, 3))
    let crop = try Image(
      contentsOf: "\(Fixtures.generatorSamples)/00af6d4b-ff18-11e7-928c-1c1b0d9fbd98.jpg", channels: 1)
    #expect((crop.width, crop.height, crop.channels) == (227, 21, 1))
  }

  @Test func badInputsGiveClearErrors() throws {
    let png = try Fixtures.bytes("fsns/fsns_train_00.png")
    let cases: [([UInt8], String)] = [
      ([], "empty"),
      (Array("hello, world".utf8), "not a PNG or JPEG"),
      (Array(png.prefix(100)), "PNG"),
      (forgedPNGHeader(width: 30_000, height: 30_000), "exceeds the limit"),
      (forgedPNGHeader(width: 0, height: 10), "PNG"),
      ([0xFF, 0xD8, 0xFF, 0xE0, 0, 16], "JPEG"),
    ]
    for (bytes, expected) in cases {
      do {
        _ = try Image(decoding: bytes)
        Issue.record("decoding should fail for a '\(expected)' case")
      } catch {
        #expect(error.description.contains(expected), "\(error)")
      }
    }
  }

  @Test func errorsNameTheFile() throws {
    let folder = Scratch.folder("ocrdata-tests")
    let path = "\(folder)/broken.png"
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]).write(to: URL(fileURLWithPath: path))
    do {
      _ = try Image(contentsOf: path)
      Issue.record("should fail")
    } catch {
      #expect(error.path == path)
    }
    #expect(throws: ImageError(path: "\(folder)/missing.jpg", "no such file")) {
      try Image(contentsOf: "\(folder)/missing.jpg")
    }
  }

  /// Hundreds of damaged files: every one must decode to a sane image or throw; none may crash.
  @Test func mutatedFilesNeverCrash() throws {
    let originals = [
      try Fixtures.bytes("fsns-tfrecord-generate/d2/0a2f2b4e-ff14-11e7-9283-1c1b0d9fbd98.jpg"),
      try Image(width: 40, height: 12, channels: 3, value: 90).pngData(),
      try Fixtures.bytes("fsns-tfrecord-generate/d2/0b3e6f6f-ff18-11e7-928c-1c1b0d9fbd98.jpg"),
    ]
    var generator = SplitMix64(seed: 2024)
    var decoded = 0, refused = 0
    for original in originals {
      for round in 0..<150 {
        var bytes = original
        switch round % 4 {
        case 0:  // flip a few bits
          for _ in 0..<(1 + Int(generator.next() % 4)) {
            let i = Int(generator.next() % UInt64(bytes.count))
            bytes[i] ^= UInt8(1 << (generator.next() % 8))
          }
        case 1:  // truncate
          bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count))))
        case 2:  // overwrite a run with random bytes
          let start = Int(generator.next() % UInt64(bytes.count))
          for i in start..<min(bytes.count, start + 16) {
            bytes[i] = UInt8(truncatingIfNeeded: generator.next())
          }
        default:  // damage the header area, where sizes live
          let i = Int(generator.next() % UInt64(min(40, bytes.count)))
          bytes[i] = UInt8(truncatingIfNeeded: generator.next())
        }
        do {
          let image = try Image(decoding: bytes, channels: 1, pixelLimit: 4_000_000)
          #expect(image.pixels.count == image.width * image.height)
          decoded += 1
        } catch {
          #expect(!error.reason.isEmpty)
          refused += 1
        }
      }
    }
    #expect(decoded + refused == 450)
    #expect(refused > 100)
  }
}
