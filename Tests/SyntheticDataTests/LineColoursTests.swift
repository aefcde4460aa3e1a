// SPDX-License-Identifier: Apache-2.0
import OCRData
import Testing

@testable import SyntheticData

@Suite struct LineColoursTests {
  @Test func drawnPairsShareTheirBrightnessButNotTheirColour() {
    var g = SplitMix64(seed: 6)
    for _ in 0..<300 {
      let colours = LineColours.draw(using: &g)
      let ground = LineColours.luma(colours.ground)
      #expect((90...200).contains(ground))
      #expect(abs(LineColours.luma(colours.ink) - ground) <= LineColours.lumaTolerance)
      #expect(LineColours.distance(colours.ink, colours.ground) >= LineColours.leastDistance)
      #expect((colours.ink + colours.ground).allSatisfy { (0...255).contains($0) })
    }
  }

  /// The darkest ink takes the ink colour, the paper the ground's, and greys between them a
  /// colour between.
  @Test func greysMapBetweenInkAndGround() {
    let colours = LineColours(ink: [0, 160, 40], ground: [200, 100, 100], noise: 0)
    // Paper at the edges (200), ink inside (20), one pixel halfway (110).
    var pixels = [UInt8](repeating: 200, count: 10 * 10)
    for y in 3..<7 { for x in 3..<7 { pixels[y * 10 + x] = 20 } }
    pixels[5 * 10 + 5] = 110
    let grey = Image(width: 10, height: 10, channels: 1, pixels: pixels)
    var g = SplitMix64(seed: 1)
    let painted = colours.applied(to: grey, using: &g)
    func colour(_ x: Int, _ y: Int) -> [UInt8] {
      Array(painted.pixels[3 * (y * 10 + x)..<3 * (y * 10 + x) + 3])
    }
    #expect(painted.channels == 3 && painted.width == 10 && painted.height == 10)
    #expect(colour(0, 0) == [200, 100, 100])
    #expect(colour(3, 3) == [0, 160, 40])
    #expect(colour(5, 5) == [100, 130, 70])
  }

  /// `synth --coloured 1` draws the lines `--coloured 0` draws with the same seed, repainted:
  /// faint by luma, legible again along their colours' main axis, dark on light.
  @Test func colouredLinesAreTheGreyOnesRepainted() throws {
    let plain = try Shared.generator(seed: 14)
    let coloured = try Shared.generator(like: plain) { $0.colouredShare = 1 }
    for index in 0..<6 {
      let before = try plain.sample(index: index, level: 0)
      let after = try coloured.sample(index: index, level: 0)
      #expect(before.style.colours == nil && after.style.colours != nil)
      #expect(after.text == before.text)
      #expect(after.image.channels == 3 && after.image.width == before.image.width)
      let luma = after.image.grey()
      let lumaSpread = Int(luma.pixels.max()!) - Int(luma.pixels.min()!)
      #expect(lumaSpread < Image.faintRange)
      // Ink of the grey line against its paper, in the grey the recognizer recovers (the
      // colour axis's sign cannot tell which is ink: `darkOnLight` does).
      let recovered = after.image.colourContrastGrey().darkOnLight()
      let paper = Image.backgroundLevel(before.image)
      let darkest = before.image.percentileRange.low
      let inkCeiling = Int(darkest) + (Int(paper) - Int(darkest)) / 4
      var ink = [Double](), ground = [Double]()
      for (original, value) in zip(before.image.pixels, recovered.pixels) {
        if Int(original) <= inkCeiling { ink.append(Double(value)) }
        if original == paper { ground.append(Double(value)) }
      }
      let inkMean = ink.reduce(0, +) / Double(ink.count)
      let groundMean = ground.reduce(0, +) / Double(ground.count)
      #expect(groundMean - inkMean > 40)
    }
  }
}
