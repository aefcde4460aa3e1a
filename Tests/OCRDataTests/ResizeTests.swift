// SPDX-License-Identifier: Apache-2.0
import OCRData
import Testing

@Suite struct ResizeTests {
  @Test func areaHalvingAveragesBlocks() {
    let image = Image(width: 4, height: 2, channels: 1, pixels: [0, 10, 20, 30, 40, 50, 60, 70])
    let half = image.resized(width: 2, height: 1, method: .area)
    #expect(half.pixels == [25, 45])  // (0+10+40+50)/4, (20+30+60+70)/4
  }

  @Test(arguments: ResizeMethod.allCases)
  func uniformImagesStayUniform(method: ResizeMethod) {
    let image = Image(width: 17, height: 9, channels: 3, value: 123)
    for (w, h) in [(5, 3), (40, 20), (17, 9), (1, 1)] {
      let out = image.resized(width: w, height: h, method: method)
      #expect(out.width == w && out.height == h && out.channels == 3)
      #expect(out.pixels.allSatisfy { $0 == 123 })
    }
  }

  @Test func bilinearDoublingInterpolates() {
    let image = Image(width: 2, height: 1, channels: 1, pixels: [0, 100])
    let out = image.resized(width: 4, height: 1, method: .bilinear)
    #expect(out.pixels == [0, 25, 75, 100])
  }

  @Test func bicubicDoublingFollowsKeysKernel() {
    // Weights at offsets 1.75, 0.75, 0.25, 1.25 (−0.023, 0.227, 0.867, −0.070), the edge
    // repeated; the kernel overshoots a step by 7 % on each side (−7 is clamped to 0).
    let image = Image(width: 2, height: 1, channels: 1, pixels: [0, 100])
    #expect(image.resized(width: 4, height: 1, method: .bicubic).pixels == [0, 20, 80, 107])
  }

  /// Enlarging a ramp: cubic convolution reproduces it between the edges, where area
  /// repeats each source pixel and leaves steps (what makes small enlarged strokes blocky).
  @Test func bicubicEnlargingKeepsARampStraight() {
    let ramp = Image(width: 16, height: 1, channels: 1, pixels: (0..<16).map { UInt8($0 * 10) })
    let smooth = ramp.resized(width: 32, height: 1, method: .bicubic)
    let blocky = ramp.resized(width: 32, height: 1, method: .area)
    for x in 4..<28 {
      let straight = 10 * ((Double(x) + 0.5) / 2 - 0.5)
      #expect(abs(Double(smooth.pixels[x]) - straight) <= 0.5, "pixel \(x)")
    }
    #expect(blocky.pixels[4] == blocky.pixels[5])
  }

  @Test func aspectPreservingResizeAndPadding() {
    let image = Image(width: 227, height: 21, channels: 1, value: 50)
    let scaled = image.resized(toHeight: 32)
    #expect(scaled.height == 32 && scaled.width == 346)  // 227 · 32 / 21 = 345.9
    let (fitted, content) = image.fitted(height: 32, width: 400, padValue: 255)
    #expect(fitted.width == 400 && content == 346)
    #expect(fitted.pixels[345] == 50 && fitted.pixels[346] == 255)
    let (squeezed, squeezedContent) = image.fitted(height: 32, width: 200)
    #expect(squeezed.width == 200 && squeezedContent == 200)
  }

  @Test func greyConversionUsesLuma() {
    let rgb = Image(width: 3, height: 1, channels: 3, pixels: [255, 0, 0, 0, 255, 0, 0, 0, 255])
    #expect(rgb.grey().pixels == [76, 150, 29])
    #expect(rgb.grey().rgb().channels == 3)
  }
}
