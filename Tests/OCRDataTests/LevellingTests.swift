// SPDX-License-Identifier: Apache-2.0
import OCRData
import Testing

@Suite struct LevellingTests {
  /// A line of twelve stroke characters, 20 px high, with a line's margins.
  static let level = TextBoundsTests.line(count: 12, left: 12, right: 12, top: 10, bottom: 10)

  /// Tilted either way by 7–12°, clean or noisy, the line's tilt is found to within 0.3°, and
  /// turned back its text band is as high as drawn again.
  @Test(arguments: [-12.0, -7.0, 8.0, 10.0])
  func tiltedLinesAreFoundAndLevelled(degrees: Double) throws {
    for noise in [0, 12] {
      let tilted = TextBoundsTests.noisy(
        Self.level.rotated(counterClockwise: degrees, fill: 230), amplitude: noise)
      guard let tilt = tilted.textTilt() else {
        Issue.record("\(degrees)° noise \(noise): no tilt found")
        continue
      }
      #expect(abs(tilt - degrees) <= 0.3, "\(degrees)° noise \(noise): found \(tilt)°")
      let levelled = tilted.levelled()
      #expect(levelled.textTilt() == nil)
      let band = try #require(levelled.textBounds()).height
      #expect(band >= 18 && band <= 24, "\(degrees)° noise \(noise): band \(band)")
    }
  }

  /// Level lines, lines tilted less than the model reads as they are, short words (no
  /// direction) and blank images are left alone.
  @Test func otherImagesAreLeftAlone() {
    #expect(Self.level.textTilt() == nil)
    #expect(Self.level.levelled() == Self.level)
    #expect(TextBoundsTests.noisy(Self.level, amplitude: 12).textTilt() == nil)
    // 2.5°: the ends differ by about half the text's height, which the model reads as it is.
    #expect(Self.level.rotated(counterClockwise: 2.5, fill: 230).textTilt() == nil)
    let word = TextBoundsTests.line(count: 2, left: 12, right: 12, top: 10, bottom: 10)
    #expect(word.rotated(counterClockwise: 8, fill: 230).textTilt() == nil)
    #expect(Image(width: 200, height: 40, channels: 1, value: 200).textTilt() == nil)
  }

  /// Turning by 0° changes nothing; by 90° the width and height swap and a corner pixel
  /// lands where it should.
  @Test func rotationMovesPixelsWhereExpected() {
    var image = Image(width: 5, height: 3, channels: 1, value: 100)
    image.pixels[0] = 0  // top left
    #expect(image.rotated(counterClockwise: 0, fill: 255) == image)
    let turned = image.rotated(counterClockwise: 90, fill: 255)
    #expect(turned.width == 3 && turned.height == 5)
    // Counter-clockwise, the top-left corner goes to the bottom left.
    #expect(turned.pixels[4 * 3] == 0)
    #expect(turned.pixels.filter { $0 == 0 }.count == 1)
  }
}
