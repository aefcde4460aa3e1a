// SPDX-License-Identifier: Apache-2.0
import OCRData
import Testing

@Suite struct TextBoundsTests {
  /// A made-up line: `count` dark blocks ("characters") 20 px high and 18 wide, 4 px apart,
  /// on a light ground with the given margins.
  static func line(
    count: Int = 6, left: Int, right: Int, top: Int, bottom: Int, paper: UInt8 = 230, ink: UInt8 = 30
  ) -> Image {
    let width = left + count * 22 - 4 + right, height = top + 20 + bottom
    var image = Image(width: width, height: height, channels: 1, value: paper)
    for character in 0..<count {
      // Strokes, not solid blocks: three bars and two posts.
      for row in 0..<20 {
        for column in 0..<18 where row % 8 < 2 || column < 2 || column >= 16 {
          image.pixels[(top + row) * width + left + character * 22 + column] = ink
        }
      }
    }
    return image
  }

  /// Seeded noise added to every pixel (±`amplitude`), so the test does not depend on clean
  /// margins.
  static func noisy(_ image: Image, amplitude: Int) -> Image {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var out = image
    for i in out.pixels.indices {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let offset = Int(state >> 33) % (2 * amplitude + 1) - amplitude
      out.pixels[i] = UInt8(max(0, min(255, Int(out.pixels[i]) + offset)))
    }
    return out
  }

  /// A line of 40 characters (876 px) read in pieces of at most 300 px: the pieces cover the
  /// line in order, and every cut falls between two characters on a feature-column boundary.
  @Test func longLinesAreCutBetweenCharacters() {
    let clean = Self.line(count: 40, left: 6, right: 6, top: 6, bottom: 6)
    for image in [clean, Self.noisy(clean, amplitude: 15)] {
      let pieces = image.readingPieces(maxWidth: 300)
      #expect(pieces.count == 4)
      #expect(pieces.first?.lowerBound == 0 && pieces.last?.upperBound == image.width)
      for (left, right) in zip(pieces, pieces.dropFirst()) {
        #expect(left.upperBound == right.lowerBound && left.count <= 300)
        #expect(left.upperBound % 4 == 0)
        // Characters start every 22 px from 6 and are 18 px wide.
        #expect((left.upperBound - 6) % 22 >= 18, "cut at \(left.upperBound)")
      }
    }
    let short = Self.line(count: 10, left: 6, right: 6, top: 6, bottom: 6)
    #expect(short.readingPieces(maxWidth: 300) == [0..<short.width])
  }

  @Test func boundsFindTheTextInsideWideMargins() throws {
    let image = Self.line(left: 90, right: 120, top: 40, bottom: 55)
    let box = try #require(image.textBounds())
    #expect(box == PixelBox(x: 90, y: 40, width: 6 * 22 - 4, height: 20))
  }

  @Test func looseCropsAreTrimmedToTrainingMargins() {
    for image in [
      Self.line(left: 90, right: 120, top: 40, bottom: 55),
      Self.noisy(Self.line(left: 90, right: 120, top: 40, bottom: 55), amplitude: 25),
      Self.line(left: 90, right: 120, top: 40, bottom: 55, paper: 20, ink: 200),  // light on dark
    ] {
      let trimmed = image.trimmedToText()
      // The text keeps 0.6 of the height and 0.4 of its height on either side.
      #expect(abs(trimmed.height - 33) <= 1, "height \(trimmed.height)")
      #expect(abs(trimmed.width - (6 * 22 - 4 + 16)) <= 2, "width \(trimmed.width)")
    }
  }

  /// Lines already cropped as the training lines are (text about 0.6 of the height, a little
  /// blank on either side) are read as they are.
  @Test func tightLinesAreLeftAlone() {
    let tight = Self.line(left: 8, right: 8, top: 6, bottom: 7)
    #expect(tight.trimmedToText() == tight)
    let noisyTight = Self.noisy(tight, amplitude: 25)
    #expect(noisyTight.trimmedToText() == noisyTight)
  }

  @Test func blankImagesHaveNoTextAndStayWhole() {
    let blank = Image(width: 120, height: 40, channels: 1, value: 200)
    #expect(blank.textBounds() == nil)
    #expect(blank.trimmedToText() == blank)
  }

  /// A lone dash is no measure of the character height: the crop keeps 0.3 of the original.
  @Test func thinBandsKeepAThirdOfTheHeight() {
    var dash = Image(width: 200, height: 100, channels: 1, value: 240)
    for row in 49..<52 { for column in 60..<140 { dash.pixels[row * 200 + column] = 10 } }
    let trimmed = dash.trimmedToText()
    #expect(trimmed.height == 30)
  }

  @Test func colourImagesAreMeasuredOnTheirLuminance() throws {
    let grey = Self.line(left: 90, right: 120, top: 40, bottom: 55)
    #expect(grey.rgb().textBounds() == grey.textBounds())
    #expect(grey.rgb().trimmedToText().grey() == grey.trimmedToText())
  }
}
