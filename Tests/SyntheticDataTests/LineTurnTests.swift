// SPDX-License-Identifier: Apache-2.0
import OCRData
import Testing

@testable import SyntheticData

@Suite struct LineTurnTests {
  /// `synth --turned 6` turns each line 6° one way or the other on a taller canvas, its
  /// corners the paper's grey; the text is the unturned line's.
  @Test func turnedLinesAreTheUnturnedOnesAskew() throws {
    let plain = try Shared.generator(seed: 12)
    let turned = try Shared.generator(like: plain) { $0.turn = 6 }
    var signs = Set<Double>()
    for index in 0..<8 {
      let before = try plain.sample(index: index, level: 0)
      let after = try turned.sample(index: index, level: 0)
      let degrees = try #require(after.style.turn)
      signs.insert(degrees.sign == .minus ? -1 : 1)
      #expect(abs(degrees) == 6 && after.text == before.text)
      #expect(after.image == LineTurn.turned(before.image, degrees: degrees))
      #expect(after.image.height > before.image.height)
      #expect(after.image.pixels[0] == Image.backgroundLevel(before.image))
    }
    #expect(signs.count == 2)
  }
}
