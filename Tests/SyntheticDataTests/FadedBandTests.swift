// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRData
import Testing

@testable import SyntheticData

@Suite struct FadedBandTests {
  /// A band's core loses its full strength, its edges ramp down over a quarter em, and the
  /// columns beyond keep all their ink.
  @Test func aBandFadesItsCoreAndRampsOut() {
    let band = FadedBand(centre: 0.5, width: 1, strength: 0.8)
    let kept = FadedBand.inkKept(by: [band], canvasWidth: 220, textStart: 10, textWidth: 200, em: 20)
    // The middle falls at column 110; the core spans 100–120, the ramps 5 px each side.
    #expect(abs(kept[110] - 0.2) < 1e-5 && abs(kept[101] - 0.2) < 1e-5)
    #expect(kept[..<95].allSatisfy { $0 == 1 } && kept[125...].allSatisfy { $0 == 1 })
    let ramp = Array(kept[119...125])
    #expect(zip(ramp, ramp.dropFirst()).allSatisfy { $0 <= $1 }, "\(ramp)")
    #expect(ramp.contains { $0 > 0.25 && $0 < 0.95 })
  }

  /// Overlapping bands multiply what each leaves; a band off the canvas's edge is clipped.
  @Test func overlappingBandsMultiply() {
    let one = FadedBand(centre: 0.5, width: 2, strength: 0.5)
    let kept = FadedBand.inkKept(by: [one, one], canvasWidth: 100, textStart: 0, textWidth: 100, em: 10)
    #expect(abs(kept[50] - 0.25) < 1e-5)
    let edge = FadedBand(centre: 1, width: 4, strength: 1)
    let clipped = FadedBand.inkKept(by: [edge], canvasWidth: 100, textStart: 0, textWidth: 100, em: 10)
    #expect(clipped[99] == 0 && clipped[50] == 1)
  }

  /// A line drawn with a band of full strength three ems wide is lighter there and the same
  /// elsewhere: no pixel darker than the unfaded line's, and whole columns of ink gone.
  @Test func aFadedLineLosesInkOnlyInItsBand() throws {
    var plain = AugmentationPolicy.level(0)
    plain.contrast = .fixed(1)
    plain.latinFaceProbability = 0
    var faded = plain
    faded.fadedBandProbability = 1
    faded.maximumFadedBands = 1
    faded.fadedBandWidth = .fixed(3)
    faded.fadedBandStrength = .fixed(1)
    let generator = try Shared.generator(seed: 5)
    for index in 0..<6 {
      let before = try generator.sample(index: index, level: 0, policy: plain)
      let after = try generator.sample(index: index, level: 0, policy: faded)
      #expect(after.text == before.text && after.image.width == before.image.width)
      #expect(after.style.fadedBands?.count == 1 && before.style.fadedBands == nil)
      #expect(zip(after.image.pixels, before.image.pixels).allSatisfy { $0 >= $1 })
      let (width, height) = (after.image.width, after.image.height)
      func darkest(_ image: Image, _ x: Int) -> UInt8 {
        (0..<height).map { image.pixels[$0 * width + x] }.min()!
      }
      let erased = (0..<width).filter { darkest(before.image, $0) < 128 && darkest(after.image, $0) > 250 }
      #expect(erased.count >= 8, "line \(index) (\(after.text)): \(erased.count) columns of ink erased")
    }
  }

  /// The curriculum's levels never draw bands, so their lines stay as they were; ID-card
  /// fields have them on about two lines in five, inside the policy's ranges.
  @Test func onlyIDCardFieldsHaveBands() {
    var g = SplitMix64(seed: 11)
    for level in AugmentationPolicy.levels {
      #expect((0..<200).allSatisfy { _ in AugmentationPolicy.level(level).draw(using: &g).fadedBands == nil })
    }
    let policy = AugmentationPolicy.idCardFields
    let bands = (0..<1000).compactMap { _ in policy.draw(using: &g).fadedBands }
    #expect((340...460).contains(bands.count), "\(bands.count) of 1,000 lines with bands")
    #expect(bands.allSatisfy { (1...policy.maximumFadedBands).contains($0.count) })
    #expect(
      bands.joined().allSatisfy {
        (0..<1).contains($0.centre) && policy.fadedBandWidth.contains($0.width)
          && policy.fadedBandStrength.contains($0.strength)
      })
  }

  /// A line description written before bands existed still reads, as a line without them.
  @Test func olderDescriptionsStillDecode() throws {
    var banded = LineStyle()
    banded.fadedBands = [FadedBand(centre: 0.3, width: 1, strength: 0.7)]
    #expect(try banded.decodedWithout("fadedBands") == LineStyle())
    let encoded = try JSONEncoder().encode(banded)
    #expect(try JSONDecoder().decode(LineStyle.self, from: encoded) == banded)
  }
}
