// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import OCRData

@Suite struct VerticalTextTests {
  /// A made-up vertical line: `count` characters 18 px square, `gap` px apart, 6 px margins.
  /// Odd ones are 二 (two bars with eight blank rows between them, more than between two
  /// characters), which must not be cut in two; even ones are boxes like 目.
  static func column(count: Int, gap: Int) -> Image {
    let size = 18, margin = 6
    let width = size + 2 * margin, height = 2 * margin + count * size + (count - 1) * gap
    var image = Image(width: width, height: height, channels: 1, value: 235)
    for character in 0..<count {
      let top = margin + character * (size + gap)
      for row in 0..<size {
        for column in 0..<size {
          let stroke =
            character % 2 == 0
            ? row % 8 < 2 || column < 2 || column >= 16
            : (3..<5).contains(row) || (13..<15).contains(row)
          if stroke { image.pixels[(top + row) * width + margin + column] = 25 }
        }
      }
    }
    return image
  }

  /// Columns of the image whose every pixel is background, as runs of ink between them.
  static func inkRuns(_ image: Image) -> Int {
    let background = image.pixels[0]
    var runs = 0, inside = false
    for column in 0..<image.width {
      let inked = (0..<image.height).contains {
        abs(Int(image.pixels[$0 * image.width + column]) - Int(background)) > 60
      }
      if inked && !inside { runs += 1 }
      inside = inked
    }
    return runs
  }

  @Test(arguments: [(2, 3), (5, 1), (5, 6), (8, 3), (13, 2)])
  func aColumnIsCutIntoItsCharacters(count: Int, gap: Int) throws {
    let clean = Self.column(count: count, gap: gap)
    for image in [clean, TextBoundsTests.noisy(clean, amplitude: 20)] {
      let column = try #require(image.verticalColumn())
      #expect(column.characters.count == count)
      #expect(image.readsVertically(.auto) && image.readsVertically(.vertical))
      #expect(!image.readsVertically(.horizontal))
    }
    let flat = clean.laidFlat()
    #expect(flat.width > flat.height && flat.channels == 1)
    #expect(Self.inkRuns(flat) == count)
    // The characters keep their size, with ink over about 0.6 of the height.
    #expect(abs(Double(18) / Double(flat.height) - 0.6) < 0.05)
  }

  @Test func horizontalLinesAndSingleCharactersStayAsTheyAre() {
    let line = TextBoundsTests.line(left: 10, right: 10, top: 8, bottom: 8)
    #expect(!line.readsVertically(.auto))
    // A digit 1: four times as tall as wide, but nothing to cut.
    var one = Image(width: 20, height: 44, channels: 1, value: 240)
    for row in 4..<40 { for column in 8..<13 { one.pixels[row * 20 + column] = 20 } }
    #expect(!one.readsVertically(.auto))
    #expect(!Image(width: 10, height: 50, channels: 1, value: 128).readsVertically(.auto))
  }
}
