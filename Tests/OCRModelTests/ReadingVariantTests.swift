// SPDX-License-Identifier: Apache-2.0
import OCRData
import OCRModel
import Testing

@Suite struct ReadingVariantTests {
  /// A 32-px line with a dark band (the text) over rows 8–23.
  static let line: Image = {
    var image = Image(width: 120, height: 32, channels: 1, value: 230)
    for row in 8..<24 {
      for column in 10..<110 where column % 6 < 3 { image.pixels[row * 120 + column] = 20 }
    }
    return image
  }()

  /// Every way keeps the model's height; the smaller way shrinks the text band to about 0.8 of
  /// its height (and the line's width with it), the larger one enlarges both by 32/26, the
  /// wider one widens the line by 1.15.
  @Test func variantsKeepTheHeightAndChangeTheScale() throws {
    #expect(ReadingVariant.asPrepared.applied(to: Self.line) == Self.line)
    let smaller = ReadingVariant.smaller.applied(to: Self.line)
    #expect(smaller.height == 32)
    #expect(smaller.width == 96)
    let band = try #require(smaller.textBounds()).height
    #expect(band >= 12 && band <= 14, "band \(band)")
    let larger = ReadingVariant.larger.applied(to: Self.line)
    #expect(larger.height == 32 && larger.width == 148)
    let enlarged = try #require(larger.textBounds()).height
    #expect(enlarged >= 19 && enlarged <= 21, "band \(enlarged)")
    let wider = ReadingVariant.wider.applied(to: Self.line)
    #expect(wider.height == 32 && wider.width == 138)
  }
}
