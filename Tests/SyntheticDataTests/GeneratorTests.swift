// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import OCRData
import Testing

@testable import SyntheticData

@Suite struct GeneratorTests {
  @Test func aSeedAndIndexAlwaysGiveTheSameLine() throws {
    let a = try Shared.generator(seed: 3)
    let b = try Shared.generator(seed: 3)
    for index in [0, 1, 17, 99_999] {
      for level in AugmentationPolicy.levels {
        let x = try a.sample(index: index, level: level)
        // b draws other lines first: its state must not leak into sample `index`.
        _ = try b.sample(index: index + 1, level: level)
        let y = try b.sample(index: index, level: level)
        #expect(x.text == y.text && x.image == y.image && x.style == y.style)
      }
    }
    let other = try Shared.generator(seed: 4).sample(index: 0, level: 2)
    #expect(other.image != (try a.sample(index: 0, level: 2)).image)
  }

  @Test func threadCountDoesNotChangeTheOutput() throws {
    let one = try SyntheticBatchRenderer(generator: Shared.generator(), threads: 1).render(0..<24) { $0 % 4 }
    let two = try SyntheticBatchRenderer(generator: Shared.generator(), threads: 2).render(0..<24) { $0 % 4 }
    #expect(one.map(\.text) == two.map(\.text))
    #expect(one.map(\.image) == two.map(\.image))
  }

  /// The label is exactly what was drawn: the chosen font has every character, every glyph has
  /// ink, and the text is the ids in the dictionary.
  @Test func labelsMatchWhatWasDrawn() throws {
    let generator = try Shared.generator()
    for index in 0..<200 {
      let sample = try generator.sample(index: index, level: index % 4)
      #expect(!sample.ids.isEmpty && sample.ids.count <= 25)
      #expect(sample.text == sample.ids.map { Shared.charset.characters[$0] }.joined())
      #expect(sample.text.count == sample.ids.count)
      #expect(Shared.fonts.fonts[sample.font].coverage.isSuperset(of: sample.ids))
      #expect(try generator.glyphsHaveInk(sample.ids, font: sample.font) == true)
      #expect(sample.image.height == 32 && sample.image.channels == 1)
      #expect(sample.image.width >= 1 && sample.image.width <= 1024)
    }
  }

  @Test func everyCharacterAppearsOftenEnoughInTheText() {
    var counts = [Int](repeating: 0, count: Shared.charset.count)
    var g = SplitMix64(seed: 11)
    var sources: [TextSource: Int] = [:]
    for _ in 0..<200_000 {
      let (ids, source) = Shared.sampler.sample(using: &g)
      sources[source, default: 0] += 1
      for id in ids { counts[id] += 1 }
    }
    #expect(counts[Shared.charset.nullID] == 0)
    let rarest = counts.enumerated().filter { $0.offset != Shared.charset.nullID }.map(\.element).min() ?? 0
    #expect(rarest >= 10, "rarest character seen \(rarest) times in 200,000 texts")
    #expect(Set(sources.keys) == Shared.defaultSources)
    #expect(sources[.idCardFields] == nil)
  }

  @Test(arguments: Array(AugmentationPolicy.levels))
  func drawnStylesStayInsideTheirLevelsRanges(level: Int) {
    var policy = AugmentationPolicy.level(level)
    // Marks are off at every level; turned on here so their low-resolution rule is checked.
    if level > 0 { policy.punctuationProbability = 0.2 }
    var g = SplitMix64(seed: UInt64(level))
    var applied = (rotation: 0, noise: 0, jpeg: 0, lowResolution: 0)
    var smoothlyEnlarged = 0, punctuated = 0
    for _ in 0..<3000 {
      let style = policy.draw(using: &g)
      #expect(GlyphAtlas.sizes.contains(GlyphAtlas.snap(style.fontSize)))
      #expect(policy.fontSize.contains(Double(style.fontSize)))
      #expect(policy.characterSpacing.contains(style.characterSpacing))
      #expect(policy.baselineJitter.contains(style.baselineJitter))
      #expect(style.padding.allSatisfy(policy.padding.contains))
      #expect(style.rotation == 0 || policy.rotation.contains(style.rotation))
      #expect(style.shear == 0 || policy.shear.contains(style.shear))
      #expect(style.perspective == 0 || policy.perspective.contains(style.perspective))
      #expect(style.blurRadius == 0 || policy.blurRadius.contains(Double(style.blurRadius)))
      #expect(style.noise == 0 || policy.noise.contains(style.noise))
      #expect(style.jpegQuality == 0 || policy.jpegQuality.contains(Double(style.jpegQuality)))
      #expect(policy.contrast.contains(style.contrast))
      #expect(
        style.lowResolutionEm == 0
          || policy.lowResolutionEm.contains(Double(style.lowResolutionEm)))
      if style.rotation != 0 { applied.rotation += 1 }
      if style.noise != 0 { applied.noise += 1 }
      if style.jpegQuality != 0 { applied.jpeg += 1 }
      if style.lowResolutionEm != 0 { applied.lowResolution += 1 }
      #expect(!style.smoothEnlarging || style.lowResolutionEm != 0)
      if style.smoothEnlarging { smoothlyEnlarged += 1 }
      #expect((0...2).contains(style.punctuationMarks))
      #expect(style.punctuationMarks == 0 || style.lowResolutionEm == 0)
      if style.punctuationMarks > 0 { punctuated += 1 }
    }
    // Probabilities hold within sampling error (3,000 draws: ±3 % is over 4 standard deviations).
    #expect(abs(Double(applied.rotation) / 3000 - policy.rotationProbability) < 0.05)
    #expect(abs(Double(applied.noise) / 3000 - policy.noiseProbability) < 0.05)
    #expect(abs(Double(applied.jpeg) / 3000 - policy.jpegProbability) < 0.05)
    #expect(abs(Double(applied.lowResolution) / 3000 - policy.lowResolutionProbability) < 0.05)
    // Low-resolution lines get no marks.
    let punctuatedShare = policy.punctuationProbability * (1 - policy.lowResolutionProbability)
    #expect(abs(Double(punctuated) / 3000 - punctuatedShare) < 0.05)
    // Half the low-resolution lines are enlarged smoothly (±5 standard deviations at level 3).
    if applied.lowResolution > 100 {
      #expect(abs(Double(smoothlyEnlarged) / Double(applied.lowResolution) - 0.5) < 0.11)
    }
    if level == 0 { #expect(applied == (0, 0, 0, 0)) }
  }

  @Test func levelsGetHarder() {
    let clean = AugmentationPolicy.level(0), hard = AugmentationPolicy.level(3)
    #expect(clean.rotationProbability == 0 && hard.rotationProbability > 0.5)
    #expect(hard.noise.high > AugmentationPolicy.level(1).noise.high)
    #expect(hard.contrast.low < clean.contrast.low)
  }

  /// A tightly framed line's ink reaches nearly from top to bottom; a usual one leaves the
  /// font's room above and below (its ink about 0.6 of the height).
  @Test func tightFramesCropTheLineToItsInk() throws {
    let generator = try Shared.generator()
    func inkShares(tight: Bool) throws -> [Double] {
      var policy = AugmentationPolicy.level(0)
      policy.tightFrameProbability = tight ? 1 : 0
      return try (0..<24).map { index in
        let image = try generator.sample(index: index, level: 0, policy: policy).image
        let box = try #require(image.textBounds())
        return Double(box.height) / Double(image.height)
      }
    }
    let tight = try inkShares(tight: true).sorted(), usual = try inkShares(tight: false).sorted()
    #expect(tight[tight.count / 2] > 0.8, "\(tight)")
    #expect(usual[usual.count / 2] < 0.75, "\(usual)")
    // With every other augmentation too: rules, borders and tilts still fit (or are clipped).
    var hard = AugmentationPolicy.level(3)
    hard.tightFrameProbability = 1
    (hard.ruleProbability, hard.borderProbability) = (1, 1)
    for index in 0..<200 {
      let line = try generator.sample(index: index, level: 3, policy: hard).image
      #expect(line.height == 32)
    }
  }

  /// A field gap widens the line by its ems and leaves the label as it was; a single
  /// character has nowhere to put one.
  @Test func fieldGapsWidenTheLineButNotTheLabel() throws {
    for (without, with) in try Self.linesWithAndWithout(12, { $0.fieldGapProbability = 1 }) {
      #expect(with.text == without.text)
      guard with.ids.count >= 2 else { continue }
      let index = try #require(with.style.fieldGapIndex(characterCount: with.ids.count))
      #expect(index >= 0 && index <= with.ids.count - 2)
      // An em is at least 12 px of a 32 px line, whatever the font size and margins.
      let widening = Double(with.image.width - without.image.width)
      #expect(widening >= 12 * with.style.fieldGap, "\(widening) px for \(with.style.fieldGap) em")
    }
    var single = LineStyle()
    single.fieldGap = 2
    #expect(single.fieldGapIndex(characterCount: 1) == nil)
    #expect(single.fieldGapIndex(characterCount: 2) == 0)
  }

  /// Low-resolution lines scaled back up by area repeat their pixels in blocks; enlarged by
  /// cubic convolution, neighbouring pixels in the ink hardly ever repeat.
  @Test func smoothEnlargingLeavesNoBlocks() throws {
    let generator = try Shared.generator()
    var blocky = AugmentationPolicy.level(0)
    blocky.lowResolutionProbability = 1
    blocky.lowResolutionEm = ParameterRange(8, 8)
    var smooth = blocky
    blocky.smoothEnlargingProbability = 0
    smooth.smoothEnlargingProbability = 1
    /// The share of horizontally adjacent pixel pairs in the ink that are equal.
    func repeats(_ image: Image) -> Double {
      var pairs = 0, equal = 0
      for row in 0..<image.height {
        for x in 1..<image.width {
          let a = image.pixels[row * image.width + x - 1], b = image.pixels[row * image.width + x]
          guard min(a, b) < 160 else { continue }
          pairs += 1
          if a == b { equal += 1 }
        }
      }
      return Double(equal) / Double(max(pairs, 1))
    }
    for index in 0..<6 {
      let area = try generator.sample(index: index, level: 0, policy: blocky)
      let cubic = try generator.sample(index: index, level: 0, policy: smooth)
      #expect(area.text == cubic.text && area.image.width == cubic.image.width)
      #expect(!area.style.smoothEnlarging && cubic.style.smoothEnlarging)
      let (areaRepeats, cubicRepeats) = (repeats(area.image), repeats(cubic.image))
      #expect(areaRepeats > 2 * cubicRepeats, "\(areaRepeats) against \(cubicRepeats)")
    }
  }

  /// Lines 0..<`count` of level 0, drawn as they are and with `change` made to the policy.
  static func linesWithAndWithout(
    _ count: Int, _ change: (inout AugmentationPolicy) -> Void
  ) throws -> [(without: SyntheticSample, with: SyntheticSample)] {
    let generator = try Shared.generator()
    let plain = AugmentationPolicy.level(0)
    var changed = plain
    change(&changed)
    return try (0..<count).map { index in
      (
        try generator.sample(index: index, level: 0, policy: plain),
        try generator.sample(index: index, level: 0, policy: changed)
      )
    }
  }

  /// Punctuation marks widen the line and stay out of its label; they never start or end it.
  @Test func punctuationIsDrawnButNotLabelled() throws {
    var widened = 0
    for (without, with) in try Self.linesWithAndWithout(12, { $0.punctuationProbability = 1 }) {
      #expect(with.text == without.text && with.ids == without.ids)
      #expect((1...2).contains(with.style.punctuationMarks) && without.style.punctuationMarks == 0)
      if with.ids.count >= 2 && with.image.width > without.image.width { widened += 1 }
    }
    #expect(widened >= 8)
    let charset = Shared.charset
    var g = SplitMix64(seed: 4)
    for _ in 0..<200 {
      let drawn = PunctuationMarks.inserted(2, into: [7, 8, 9], charset: charset, using: &g)
      #expect(drawn.count == 5 && drawn.first == 7 && drawn.last == 9)
      #expect(drawn.filter { $0 >= charset.count }.count == 2)
      #expect(drawn.filter { $0 < charset.count } == [7, 8, 9])
    }
    // Only between two CJK characters: between "份" and "名" or "号" and "码", never next to
    // a digit or a Latin letter.
    let ids = { (text: String) throws -> [Int] in try text.map { try #require(charset.ids[String($0)]) } }
    let text = try ids("份名19A号码")
    for _ in 0..<50 {
      let drawn = PunctuationMarks.inserted(2, into: text, charset: charset, using: &g)
      #expect(drawn.count == 9 && drawn.filter { $0 < charset.count } == text)
      let digitsAndLetter = try #require(drawn.firstIndex(of: text[2]))
      #expect(Array(drawn[(digitsAndLetter - 1)...(digitsAndLetter + 3)]) == Array(text[1...5]))
    }
    let noPlace = try ids("19A份")
    #expect(PunctuationMarks.inserted(2, into: noPlace, charset: charset, using: &g) == noPlace)
    #expect(PunctuationMarks.inserted(2, into: [7], charset: charset, using: &g) == [7])
  }

  /// The GPU training kit cuts the fonts down to the dictionary and these marks: its list must
  /// hold every mark, or the lines drawn there would silently lose them.
  @Test func theTrainingKitKeepsEveryMark() throws {
    let script = try String(contentsOfFile: "\(Shared.root)/scripts/gpu-training-kit", encoding: .utf8)
    let line = try #require(script.split(separator: "\n").first { $0.hasPrefix("printf '%s' '") })
    let kept = Set(line.dropFirst("printf '%s' '".count).prefix { $0 != "'" }.unicodeScalars)
    #expect(kept == Set(PunctuationMarks.all))
  }

  /// With a Latin face, a line's ASCII characters come from a face that has them all, the text
  /// stays as it was, and lines without ASCII keep their one font.
  @Test func asciiRunsTakeALatinFace() throws {
    let generator = try Shared.generator()
    var plain = AugmentationPolicy.level(0), mixed = plain
    (plain.latinFaceProbability, mixed.latinFaceProbability) = (0, 1)
    var redrawn = 0
    for index in 0..<60 {
      let without = try generator.sample(index: index, level: 0, policy: plain)
      let with = try generator.sample(index: index, level: 0, policy: mixed)
      #expect(with.text == without.text && without.latinFont == nil)
      let ascii = with.ids.filter { Shared.charset.characters[$0].unicodeScalars.first!.isASCII }
      guard let face = with.latinFont else {
        #expect(ascii.isEmpty, "\(with.text) has ASCII but no Latin face")
        continue
      }
      #expect(Shared.fonts.latinIndices.contains(face))
      #expect(Shared.fonts.info(face).coverage.isSuperset(of: ascii))
      if with.image.pixels != without.image.pixels { redrawn += 1 }
    }
    #expect(redrawn >= 5, "only \(redrawn) lines were drawn with a Latin face")
  }

  /// Bits of neighbouring lines darken the margins above and below the text, and only there:
  /// the text's own columns of ink stay where they were.
  @Test func neighbourLinesReachIntoTheMargins() throws {
    var taller = 0
    for (without, with) in try Self.linesWithAndWithout(16, { $0.neighbourLineProbability = 1 }) {
      #expect(with.text == without.text && with.image.width == without.image.width)
      let inkWithout = try #require(without.image.textBounds())
      let inkWith = try #require(with.image.textBounds())
      if inkWith.height > inkWithout.height { taller += 1 }
    }
    #expect(taller >= 12, "\(taller) of 16 lines gained ink above or below")
  }

  /// A vertical line holds the same text as the horizontal one of the same seed, in a
  /// column as wide as a horizontal line is high, about one em of height per character.
  @Test func verticalLinesStandInAColumn() throws {
    let horizontal = try Shared.generator(), vertical = try Shared.generator(vertical: true)
    for index in 0..<24 {
      let flat = try horizontal.sample(index: index, level: index % 4)
      let column = try vertical.sample(index: index, level: index % 4)
      #expect(column.text == flat.text && column.font == flat.font)
      #expect(column.image.width == 32 && column.image.channels == 1)
      let perCharacter = Double(column.image.height) / Double(column.ids.count)
      if column.ids.count >= 4 { #expect(perCharacter > 12 && perCharacter < 40, "\(perCharacter) px") }
    }
  }

  /// Short lines keep their angle; long ones are tilted no more than `maximumTiltRise` ems
  /// from end to end, whichever way they lean.
  @Test(arguments: [-4.0, 4.0])
  func longLinesAreTiltedLess(degrees: Double) {
    #expect(LineRenderer.cappedRotation(degrees, textWidthInEms: 5) == degrees)
    for length in [15.0, 25, 40] {
      let capped = LineRenderer.cappedRotation(degrees, textWidthInEms: length)
      #expect(capped * degrees > 0 && abs(capped) < abs(degrees))
      #expect(abs(length * abs(sin(capped * .pi / 180)) - LineRenderer.maximumTiltRise) < 1e-9)
    }
  }
}

@Suite struct StreamTests {
  @Test func streamFollowsTheCurriculumAndResumesExactly() throws {
    let stream = try SyntheticStream(generator: Shared.generator(), threads: 2, batchSize: 8) {
      $0 < 10 ? 0 : 3
    }
    let first = try (0..<20).map { _ in try stream.nextSample() }
    #expect(first.prefix(10).allSatisfy { $0.level == 0 } && first.suffix(10).allSatisfy { $0.level == 3 })
    let resumed = try SyntheticStream(generator: Shared.generator(), threads: 1, startIndex: 13, batchSize: 5)
    {
      $0 < 10 ? 0 : 3
    }
    #expect(try resumed.nextSample().image == first[13].image)
    #expect(resumed.nextIndex == 14)
  }
}
