// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRData
import OCRModel
import Testing

/// Lines with a shadow over part of them, as photographed receipts and labels often have, are
/// evened before reading and read as the same lines lit evenly are.
@Suite(.serialized) struct ShadedLineTests {
  static let samples = "\(CompactModelTests.root)/samples"
  static let names = (0..<8).map { String(format: "%06d", $0) }

  /// The line with everything from two fifths of its width on darkened to `shade`.
  static func shadowed(_ line: Image, shade: Double) -> Image {
    var out = line.grey()
    for row in 0..<out.height {
      for column in (out.width * 2 / 5)..<out.width {
        let index = row * out.width + column
        out.pixels[index] = UInt8((Double(out.pixels[index]) * shade).rounded())
      }
    }
    return out
  }

  /// Every sample with a deep shadow (ground 252 → 88) over its right three fifths, dark on
  /// light and inverted (a lit patch on a light-on-dark sign), reads exactly.
  @Test func shadowedSamplesReadAsLitOnes() throws {
    let recognizer = try Recognizer(shipped: .compact)
    for name in Self.names {
      let line = try Image(contentsOf: "\(Self.samples)/\(name).png")
      let truth = try String(contentsOfFile: "\(Self.samples)/\(name).txt", encoding: .utf8)
      let shadowed = Self.shadowed(line, shade: 0.35)
      for (image, kind) in [(shadowed, "shadowed"), (shadowed.inverted(), "shadowed and inverted")] {
        let reading = try recognizer.recognize(image)
        #expect(reading.text == truth, "\(name) \(kind) read '\(reading.text)'")
        // The prepared line is dark on light with an even ground: its first and last rows are
        // paper from end to end.
        let prepared = recognizer.prepare(image)
        for row in [0, prepared.height - 1] {
          let paper = prepared.pixels[(row * prepared.width)..<((row + 1) * prepared.width)]
          #expect(paper.min()! > 180, "\(name) \(kind): row \(row) has \(paper.min()!)")
        }
      }
    }
  }
}
