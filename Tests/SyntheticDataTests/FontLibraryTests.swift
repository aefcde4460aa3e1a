// SPDX-License-Identifier: Apache-2.0
import OCRCore
import SyntheticData
import Testing

@Suite struct FontLibraryTests {
  @Test func severalCJKFontsAreFound() {
    #expect(Shared.fonts.fonts.count >= 5)
    #expect(!Shared.fonts.fonts.contains { $0.familyName.hasSuffix(" JP") || $0.familyName.hasSuffix(" TC") })
  }

  /// Every one of the 5,462 dictionary characters is drawn, with ink, by at least one font.
  @Test func everyDictionaryCharacterRendersInSomeFont() throws {
    #expect(
      Shared.fonts.uncovered.isEmpty,
      "no font for: \(Shared.fonts.uncovered.prefix(20).map { Shared.charset.characters[$0] })")
    let generator = try Shared.generator()
    var missing: [String] = []
    for id in 0..<Shared.charset.count where id != Shared.charset.nullID {
      guard
        let font = Shared.fonts.fonts.indices.first(where: { Shared.fonts.fonts[$0].coverage.contains(id) }),
        try generator.glyphsHaveInk([id], font: font) == true
      else {
        missing.append(Shared.charset.characters[id])
        continue
      }
    }
    #expect(missing.isEmpty, "characters without a drawable glyph: \(missing.prefix(20))")
  }

  /// Latin faces (scripts/setup installs DejaVu and Liberation) have every ASCII letter and
  /// digit of the dictionary, hold only ASCII ids, and are numbered after the CJK fonts.
  @Test func latinFacesDrawTheASCIIRuns() {
    let library = Shared.fonts
    #expect(library.latinFonts.count >= 4)
    #expect(library.latinFonts.contains { $0.familyName.hasPrefix("Liberation") })
    let ascii = Set(
      library.charset.characters.indices.filter {
        $0 != library.charset.nullID && library.charset.characters[$0].unicodeScalars.first!.isASCII
      })
    let digits = Set("0123456789AZaz".compactMap { library.charset.ids[String($0)] })
    #expect(digits.count == 14)
    for face in library.latinFonts {
      #expect(face.coverage.isSubset(of: ascii) && face.coverage.isSuperset(of: digits), "\(face.name)")
      #expect(!face.familyName.contains("Math"))
    }
    #expect(library.latinIndices.lowerBound == library.fonts.count)
    #expect(library.info(library.latinIndices.lowerBound) == library.latinFonts[0])
  }
}
