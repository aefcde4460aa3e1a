// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRData
import Testing

@Suite struct ColourContrastTests {
  /// The strokes of `TextBoundsTests.line` in `ink` on `paper`, in colour.
  static func coloured(ink: [UInt8], paper: [UInt8], noise: Int = 0) -> Image {
    var pixels: [UInt8] = []
    for isInk in inkMask { pixels += isInk ? ink : paper }
    let shape = TextBoundsTests.line(left: 10, right: 10, top: 8, bottom: 8)
    let image = Image(width: shape.width, height: shape.height, channels: 3, pixels: pixels)
    return noise == 0 ? image : TextBoundsTests.noisy(image, amplitude: noise)
  }

  /// Which pixels of `coloured`'s images are strokes.
  static let inkMask = TextBoundsTests.line(left: 10, right: 10, top: 8, bottom: 8, paper: 255, ink: 0).pixels
    .map { $0 == 0 }

  /// Green strokes on a red ground of the same brightness: luma sees a 3-grey difference; the
  /// colour axis separates every ink pixel from every ground pixel by far more, with or without
  /// noise.
  @Test func textDifferingOnlyInColourIsKept() {
    for noise in [0, 6] {
      let sign = Self.coloured(ink: [40, 140, 40], paper: [200, 60, 60], noise: noise)
      let ink = Self.inkMask
      let grey = sign.colourContrastGrey()
      #expect(grey.channels == 1)
      let inkValues = zip(grey.pixels, ink).filter(\.1).map { Int($0.0) }
      let paperValues = zip(grey.pixels, ink).filter { !$0.1 }.map { Int($0.0) }
      let gap = min(
        abs(inkValues.max()! - paperValues.min()!), abs(paperValues.max()! - inkValues.min()!))
      #expect(gap >= 60, "noise \(noise): ink \(inkValues.min()!)…\(inkValues.max()!)")
      let luma = sign.grey()
      let lumaGap = abs(
        Int(zip(luma.pixels, ink).first { $0.1 }!.0) - Int(zip(luma.pixels, ink).first { !$0.1 }!.0))
      #expect(noise > 0 || lumaGap <= 4)
    }
  }

  /// Lines whose brightness already tells ink from ground get plain luma: dark blue on
  /// yellow, a faint grey line stored in colour (its main colour axis is grey itself, no wider
  /// than luma), grey images, and the 16 colour JPEG crops of the seed generator.
  @Test func linesWithBrightnessContrastGetLuma() throws {
    let printed = Self.coloured(ink: [20, 30, 120], paper: [240, 220, 90], noise: 5)
    #expect(printed.colourContrastGrey() == printed.grey())
    let faintGrey = Self.coloured(ink: [150, 150, 150], paper: [180, 180, 180], noise: 3)
    #expect(faintGrey.colourContrastGrey() == faintGrey.grey())
    let grey = TextBoundsTests.line(left: 10, right: 10, top: 8, bottom: 8, paper: 170, ink: 150)
    #expect(grey.colourContrastGrey() == grey)
    let folder = Fixtures.generatorSamples
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jpg") }
    #expect(names.count == 16)
    for name in names {
      let image = try Image(contentsOf: "\(folder)/\(name)")
      #expect(image.channels == 3)
      #expect(image.colourContrastGrey() == image.grey(), "\(name)")
    }
  }
}
