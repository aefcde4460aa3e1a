import TFRecord
// SPDX-License-Identifier: Apache-2.0
import Testing

@Suite struct CRC32CTests {
  @Test func matchesPublishedCheckValues() {
    // The standard check value of CRC-32C and the iSCSI test vectors (RFC 3720, B.4).
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
    #expect(CRC32C.checksum((0..<32).map(UInt8.init)) == 0x46DD_794E)
    #expect(CRC32C.checksum([]) == 0)
  }

  @Test func slicedAndBytewisePathsAgree() {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
    }
    #expect(CRC32C.checksum(bytes) == ~crc)
  }
}
