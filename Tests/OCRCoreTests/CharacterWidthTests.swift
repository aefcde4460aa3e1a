// SPDX-License-Identifier: Apache-2.0
import OCRCore
import Testing

@Suite struct CharacterWidthTests {
  @Test func fullWidthFormsStandForTheirASCIIOnes() {
    let pairs: [(Character, Character)] = [
      ("：", ":"), ("（", "("), ("！", "!"), ("Ａ", "A"), ("ｚ", "z"), ("１", "1"), ("　", " "),
    ]
    for (full, ascii) in pairs { #expect(full.asciiForFullWidthForm == ascii, "\(full)") }
    for other: Character in ["中", "。", "、", "A", "1", "《"] {
      #expect(other.asciiForFullWidthForm == nil, "\(other)")
    }
  }
}
