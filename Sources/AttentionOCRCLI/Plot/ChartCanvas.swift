// SPDX-License-Identifier: Apache-2.0
import OCRCore
import OCRData
import SyntheticData

/// An RGB picture to draw charts on: rectangles, lines and text.
struct ChartCanvas {
  typealias Colour = (UInt8, UInt8, UInt8)
  private(set) var image: Image
  private let labels: SyntheticLineGenerator

  /// Text is drawn with the installed CJK fonts (which all carry Latin letters and digits).
  init(width: Int, height: Int) throws {
    image = Image(width: width, height: height, channels: 3, value: 255)
    let characters = (33...126).map { String(UnicodeScalar(UInt8($0))) }
    let charset = Charset(characters: characters)
    labels = try SyntheticLineGenerator(
      fonts: FontLibrary(charset: charset),
      sampler: TextSampler(charset: charset, phrases: PhraseList(phrases: [])))
  }

  mutating func plot(_ x: Int, _ y: Int, _ colour: Colour, alpha: Double = 1) {
    guard x >= 0, y >= 0, x < image.width, y < image.height else { return }
    let base = (y * image.width + x) * 3
    for (channel, value) in [colour.0, colour.1, colour.2].enumerated() {
      let old = Double(image.pixels[base + channel])
      image.pixels[base + channel] = UInt8((old * (1 - alpha) + Double(value) * alpha).rounded())
    }
  }

  mutating func fill(x: Int, y: Int, width: Int, height: Int, _ colour: Colour) {
    for row in y..<(y + height) { for column in x..<(x + width) { plot(column, row, colour) } }
  }

  /// A straight line `thickness` pixels wide.
  mutating func line(
    _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ colour: Colour, thickness: Int = 1
  ) {
    let steps = max(1, Int(max(abs(x1 - x0), abs(y1 - y0)).rounded(.up)))
    for i in 0...steps {
      let t = Double(i) / Double(steps)
      let (x, y) = (Int((x0 + (x1 - x0) * t).rounded()), Int((y0 + (y1 - y0) * t).rounded()))
      for dx in 0..<thickness {
        for dy in 0..<thickness { plot(x + dx - thickness / 2, y + dy - thickness / 2, colour) }
      }
    }
  }

  /// Draws `text` `height` px high with its top-left corner at (x, y) (or its right edge at x
  /// when `alignRight`); returns its width.
  @discardableResult
  mutating func text(_ text: String, x: Int, y: Int, height: Int, _ colour: Colour, alignRight: Bool = false)
    throws
    -> Int
  {
    var words: [Image] = []
    for word in text.split(separator: " ") {
      if let rendered = try labels.renderPlain(String(word), height: height) { words.append(rendered) }
    }
    let gap = height / 3
    let width = words.map(\.width).reduce(0, +) + gap * max(0, words.count - 1)
    var left = alignRight ? x - width : x
    for word in words {
      let grey = word.grey()
      for row in 0..<grey.height {
        for column in 0..<grey.width {
          let ink = 1 - Double(grey.pixels[row * grey.width + column]) / 255
          if ink > 0.05 { plot(left + column, y + row, colour, alpha: ink) }
        }
      }
      left += word.width + gap
    }
    return width
  }
}
