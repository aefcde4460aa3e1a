// SPDX-License-Identifier: Apache-2.0
import OCRData
import Testing

@testable import SyntheticData

@Suite struct LineShadeTests {
  /// A gradient keeps all the light at its lit end and `floor` of it at the dark end, falling
  /// steadily between.
  @Test func aGradientFallsFromOneEndToTheOther() {
    let shade = LineShade(kind: .gradient, floor: 0.4, darkOnLeft: true)
    let row = (0..<50).map { shade.light(x: $0, y: 3, width: 50, height: 8) }
    #expect(abs(row[0] - 0.4) < 1e-9 && abs(row[49] - 1) < 1e-9)
    #expect(zip(row, row.dropFirst()).allSatisfy { $0 < $1 })
  }

  /// A shadow is dark on one side of its edge and lit on the other; a slant moves the edge
  /// along the rows.
  @Test func aShadowsEdgeCrossesTheLine() {
    var shade = LineShade(kind: .shadow, floor: 0.3, darkOnLeft: false)
    shade.edge = 0.5
    shade.edgeWidth = 0.1
    #expect(shade.light(x: 10, y: 16, width: 200, height: 32) == 1)
    #expect(abs(shade.light(x: 190, y: 16, width: 200, height: 32) - 0.3) < 1e-9)
    let middle = shade.light(x: 100, y: 16, width: 200, height: 32)
    #expect(middle > 0.35 && middle < 0.95)
    shade.slant = 0.5
    // 16 rows below the middle the edge has moved 8 px right: column 100 is lit there.
    #expect(shade.light(x: 100, y: 31, width: 200, height: 32) > middle)
    #expect(shade.light(x: 100, y: 0, width: 200, height: 32) < middle)
  }

  /// `synth --shaded 1` draws the lines `--shaded 0` draws with the same seed, each in the
  /// light its style names.
  @Test func shadedLinesAreTheUnshadedOnesInUnevenLight() throws {
    let plain = try Shared.generator(seed: 12)
    let shaded = try Shared.generator(like: plain) { $0.shadedShare = 1 }
    for index in 0..<8 {
      let before = try plain.sample(index: index, level: index % 4)
      let after = try shaded.sample(index: index, level: index % 4)
      let shade = try #require(after.style.shade)
      #expect(before.style.shade == nil && after.text == before.text)
      #expect(after.image == shade.applied(to: before.image))
      #expect(after.image != before.image)
    }
  }

  @Test func drawnShadesStayInTheirRanges() {
    var g = SplitMix64(seed: 4)
    let shades = (0..<400).map { _ in LineShade.draw(using: &g) }
    let shadows = shades.filter { $0.kind == .shadow }
    #expect((150...250).contains(shadows.count))
    #expect(shades.allSatisfy { (0.3...0.5).contains($0.floor) })
    #expect(
      shadows.allSatisfy {
        (0.3...0.7).contains($0.edge) && (0...0.15).contains($0.edgeWidth) && abs($0.slant) <= 0.5
      })
  }
}
