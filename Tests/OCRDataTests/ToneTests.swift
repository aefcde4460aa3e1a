// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRData
import Testing

@Suite struct ToneTests {
  /// Light strokes on a dark ground, clean and noisy, are found and inverted; dark on light
  /// stays as it is.
  @Test func lightInkIsInverted() {
    let dark = TextBoundsTests.line(left: 10, right: 10, top: 8, bottom: 8, paper: 40, ink: 220)
    let light = TextBoundsTests.line(left: 10, right: 10, top: 8, bottom: 8, paper: 215, ink: 35)
    for image in [dark, TextBoundsTests.noisy(dark, amplitude: 25)] {
      #expect(image.hasLightInk)
      #expect(image.darkOnLight().pixels == image.pixels.map { 255 - $0 })
    }
    for image in [light, TextBoundsTests.noisy(light, amplitude: 25)] {
      #expect(!image.hasLightInk)
      #expect(image.darkOnLight() == image)
    }
  }

  /// Dark strokes with a shadow over the right seven tenths of the line, so that the shaded
  /// ground is most of the image and darker than nothing but the ink: judged square by square,
  /// the ink is still dark, and inverted it is light.
  @Test func aShadowDoesNotTurnDarkInkLight() {
    let line = TextBoundsTests.line(count: 8, left: 10, right: 10, top: 6, bottom: 6)
    for image in [line, TextBoundsTests.noisy(line, amplitude: 6)] {
      let shadowed = LightingTests.shadowed(image, from: image.width * 3 / 10, shade: 0.35)
      #expect(!shadowed.hasLightInk)
      #expect(shadowed.inverted().hasLightInk)
    }
  }

  /// White characters on a blue sign, in colour: found through the grey version.
  @Test func colourSignsAreReadInGrey() {
    let strokes = TextBoundsTests.line(left: 10, right: 10, top: 8, bottom: 8, paper: 0, ink: 255)
    var pixels: [UInt8] = []
    for value in strokes.pixels { pixels += value == 255 ? [250, 250, 250] : [20, 60, 160] }
    let sign = Image(width: strokes.width, height: strokes.height, channels: 3, pixels: pixels)
    #expect(sign.hasLightInk)
    let read = sign.darkOnLight()
    #expect(read.channels == 1)
    #expect(!read.hasLightInk)
  }

  /// A blank or flat image has no ink of either kind.
  @Test func flatImagesAreLeftAlone() {
    let flat = Image(width: 40, height: 20, channels: 1, value: 30)
    #expect(!flat.hasLightInk)
    #expect(flat.darkOnLight() == flat)
  }

  /// Real line images: the seed generator's crops are dark on light; inverted, they are not.
  @Test func theGeneratorCropsAreDarkOnLight() throws {
    let folder = Fixtures.generatorSamples
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jpg") }
    #expect(names.count == 16)
    for name in names {
      let image = try Image(contentsOf: "\(folder)/\(name)").grey()
      #expect(!image.hasLightInk, "\(name)")
      let inverted = Image(
        width: image.width, height: image.height, channels: 1, pixels: image.pixels.map { 255 - $0 })
      #expect(inverted.hasLightInk, "\(name) inverted")
    }
  }

  /// A faint line (ink 40 greys darker than its paper, noisy) is spread to about 200 greys;
  /// a line with the contrast of the training lines is left as it is.
  @Test func faintLinesAreStretched() {
    let faint = TextBoundsTests.noisy(
      TextBoundsTests.line(left: 10, right: 10, top: 8, bottom: 8, paper: 170, ink: 130), amplitude: 4)
    let stretched = faint.contrastStretched()
    let sorted = stretched.pixels.sorted()
    let spread = Int(sorted[sorted.count * 99 / 100]) - Int(sorted[sorted.count / 100])
    #expect(spread >= 190 && spread <= 210, "spread \(spread)")
    // Order is kept: a darker pixel stays at least as dark.
    for (i, j) in zip(faint.pixels.indices, faint.pixels.indices.dropFirst())
    where faint.pixels[i] < faint.pixels[j] {
      #expect(stretched.pixels[i] <= stretched.pixels[j])
    }
    let printed = TextBoundsTests.noisy(
      TextBoundsTests.line(left: 10, right: 10, top: 8, bottom: 8, paper: 225, ink: 40), amplitude: 10)
    #expect(printed.contrastStretched() == printed)
    let flat = Image(width: 40, height: 20, channels: 1, value: 90)
    #expect(flat.contrastStretched() == flat)
  }
}
