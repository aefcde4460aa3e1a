// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import OCRData
import Testing

@testable import SyntheticData

@Suite struct IDCardFieldsTests {
  /// GB 11643's check character, on numbers whose check is known (the standard's example and
  /// one ending in X).
  @Test func theCheckCharacterIsGB11643s() {
    #expect(IDCardFields.checkCharacter(of: "11010519491231002") == "X")
    #expect(IDCardFields.checkCharacter(of: "44052418800101001") == "4")
  }

  @Test func idNumbersAreWellFormed() {
    var g = SplitMix64(seed: 5)
    for _ in 0..<500 {
      let number = Array(IDCardFields.idNumber(using: &g))
      #expect(number.count == 18)
      #expect(number.prefix(17).allSatisfy(\.isASCII) && number.prefix(17).allSatisfy(\.isNumber))
      #expect(IDCardFields.checkCharacter(of: String(number.prefix(17))) == number[17])
      let month = Int(String(number[10...11]))!, day = Int(String(number[12...13]))!
      #expect((1...12).contains(month) && (1...30).contains(day))
      #expect((1930...2020).contains(Int(String(number[6...9]))!))
    }
  }

  /// Every field is dictionary text of training length; most carry an ID number's digits, and
  /// the rest are names.
  @Test func fieldsAreNumbersLabelsAndNames() {
    let fields = IDCardFields(charset: Shared.charset)
    var g = SplitMix64(seed: 9)
    var withDigits = 0, withLabels = 0
    for _ in 0..<1000 {
      let ids = fields.sample(using: &g)
      let text = ids.map { Shared.charset.characters[$0] }.joined()
      #expect((2...24).contains(ids.count), "\(text)")
      #expect(!ids.contains(Shared.charset.nullID))
      if text.contains(where: \.isNumber) { withDigits += 1 }
      if text.contains("号") || text.contains("身") || text.contains("姓名") { withLabels += 1 }
    }
    #expect((700...800).contains(withDigits), "\(withDigits) of 1,000 with digits")
    #expect(withLabels > 500, "\(withLabels) of 1,000 with a label")
  }

  /// `synth --id-cards`: the sampler draws only fields, the generator only the ID-card policy,
  /// whatever the level asked for.
  @Test func theGeneratorDrawsEveryLineWithItsPolicy() throws {
    let sampler = TextSampler(charset: Shared.charset, phrases: Shared.phrases, weights: [.idCardFields: 1])
    var options = SyntheticLineGenerator.Options()
    options.policy = .idCardFields
    let generator = try SyntheticLineGenerator(fonts: Shared.fonts, sampler: sampler, options: options)
    var lowResolution = 0
    for index in 0..<40 {
      let sample = try generator.sample(index: index, level: index % 4)
      #expect(sample.source == .idCardFields)
      #expect(sample.style.jpegQuality >= 60 && sample.style.jpegQuality <= 90)
      #expect(sample.style.rotation == 0 || abs(sample.style.rotation) <= 1)
      if sample.style.lowResolutionEm > 0 { lowResolution += 1 }
      #expect(sample.image.height == 32)
    }
    #expect(lowResolution >= 28, "\(lowResolution) of 40 at low resolution")
  }

  /// `train --id-card-share`: about that share of a stream's lines are ID-card fields drawn
  /// with their policy, the rest the level's lines.
  @Test func aShareOfTheLinesAreIDCardFields() throws {
    var options = SyntheticLineGenerator.Options()
    options.idCardShare = 0.25
    let generator = try SyntheticLineGenerator(fonts: Shared.fonts, sampler: Shared.sampler, options: options)
    let samples = try SyntheticBatchRenderer(generator: generator, threads: 2).render(0..<120) { $0 % 4 }
    let fields = samples.filter { $0.source == .idCardFields }
    #expect((15...45).contains(fields.count), "\(fields.count) of 120 lines are ID-card fields")
    #expect(fields.allSatisfy { (60...90).contains($0.style.jpegQuality) })
    let others = samples.filter { $0.source != .idCardFields }
    #expect(others.contains { $0.level == 0 && $0.style.jpegQuality == 0 })
  }
}
