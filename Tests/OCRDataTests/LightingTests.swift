// SPDX-License-Identifier: Apache-2.0
import OCRData
import Testing

@Suite struct LightingTests {
  /// `line` with its right part from column `edge` on darkened to `shade` of its brightness.
  static func shadowed(_ line: Image, from edge: Int, shade: Double) -> Image {
    var out = line
    for row in 0..<line.height {
      for column in edge..<line.width {
        let index = row * line.width + column
        out.pixels[index] = UInt8((Double(line.pixels[index]) * shade).rounded())
      }
    }
    return out
  }

  /// A shadow over half a line (paper 230 → 92) is taken out: the paper comes out within a few
  /// greys of 230 all along the line, up to the shadow's edge on either side, and the strokes
  /// stay dark on both sides.
  @Test func aShadowAcrossALineIsTakenOut() {
    let line = TextBoundsTests.line(count: 8, left: 10, right: 10, top: 6, bottom: 6)
    for image in [line, TextBoundsTests.noisy(line, amplitude: 6)] {
      let shadowed = Self.shadowed(image, from: 80, shade: 0.4)
      let lit = shadowed.evenlyLit()
      #expect(lit.width == line.width && lit.height == line.height && lit.channels == 1)
      for column in 0..<line.width {
        let paper = Int(lit.pixels[2 * line.width + column])
        #expect(abs(paper - 230) <= 12, "paper at column \(column) came out \(paper)")
      }
      // A post of a character in the shade (column 10 + 5·22) and one in the light.
      for column in [10, 10 + 5 * 22] {
        let ink = Int(lit.pixels[10 * line.width + column])
        #expect(ink < 100, "stroke at column \(column) came out \(ink)")
      }
    }
  }

  /// An evenly lit line, clean or noisy, and a blank image are left exactly as they are.
  @Test func evenlyLitLinesAreLeftAlone() {
    let line = TextBoundsTests.line(count: 8, left: 10, right: 10, top: 6, bottom: 6)
    for image in [
      line, TextBoundsTests.noisy(line, amplitude: 20), Image(width: 50, height: 20, channels: 1, value: 200),
    ] {
      #expect(image.evenlyLit() == image)
    }
  }

  /// A colour image comes back grey.
  @Test func colourComesBackGrey() {
    let line = Self.shadowed(
      TextBoundsTests.line(count: 4, left: 6, right: 6, top: 6, bottom: 6), from: 40, shade: 0.5)
    #expect(line.rgb().evenlyLit() == line.evenlyLit())
  }
}
