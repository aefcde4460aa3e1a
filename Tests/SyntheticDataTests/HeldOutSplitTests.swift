// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import SyntheticData
import Testing

@Suite struct HeldOutSplitTests {
  /// Validation fonts are never training fonts, every style keeps training fonts, and training
  /// fonts still draw every dictionary character some font can.
  @Test func fontsSplitIntoDisjointSets() {
    let (training, validation) = HeldOutSplit.fonts(in: Shared.fonts)
    #expect(Set(training).isDisjoint(with: validation))
    #expect(Set(training).union(validation) == Set(Shared.fonts.fonts.indices))
    #expect(!training.isEmpty && !validation.isEmpty)
    let names = validation.map { Shared.fonts.fonts[$0].familyName }
    #expect(names.allSatisfy { name in HeldOutSplit.fontFamilies.contains { name.hasPrefix($0) } })
    let trainingCoverage = training.reduce(into: Set<Int>()) { $0.formUnion(Shared.fonts.fonts[$1].coverage) }
    let allCoverage = Shared.fonts.fonts.reduce(into: Set<Int>()) { $0.formUnion($1.coverage) }
    #expect(trainingCoverage == allCoverage)
  }

  @Test func latinFacesSplitIntoDisjointSets() {
    let (training, validation) = HeldOutSplit.latinFonts(in: Shared.fonts)
    #expect(Set(training).isDisjoint(with: validation) && !training.isEmpty && !validation.isEmpty)
    #expect(Set(training).union(validation) == Set(Shared.fonts.latinIndices))
    #expect(validation.allSatisfy { Shared.fonts.info($0).familyName.hasPrefix("DejaVu Serif") })
  }

  @Test func aboutOnePhraseInTwentyIsHeldOut() {
    let (training, validation) = HeldOutSplit.phrases(Shared.phrases)
    #expect(training.phrases.count + validation.phrases.count == Shared.phrases.phrases.count)
    #expect(Set(training.phrases.map { $0 }).isDisjoint(with: Set(validation.phrases.map { $0 })))
    let share = Double(validation.phrases.count) / Double(Shared.phrases.phrases.count)
    #expect(abs(share - 0.05) < 0.01, "held-out share \(share)")
  }

  /// A generator limited to some fonts draws only with them.
  @Test func aGeneratorUsesOnlyItsFonts() throws {
    let (_, validation) = HeldOutSplit.fonts(in: Shared.fonts)
    var options = SyntheticLineGenerator.Options()
    options.fontIndices = validation
    let generator = try SyntheticLineGenerator(fonts: Shared.fonts, sampler: Shared.sampler, options: options)
    for index in 0..<40 {
      #expect(validation.contains(try generator.sample(index: index, level: index % 4).font))
    }
  }
}
