// SPDX-License-Identifier: Apache-2.0
import OCRCore
import Testing

@Suite struct PunctuationTests {
  @Test func marksOfEitherWidthAndSignsArePunctuation() {
    for mark in ["，", "。", "：", "、", "《", "“", "·", "-", ":", ".", "/", "(", "%", "¥", "#", "+"] {
      #expect(Punctuation.contains(Character(mark)), "\(mark)")
    }
    for character in ["中", "a", "Z", "7", "々", "〒"] {
      #expect(!Punctuation.contains(Character(character)), "\(character)")
    }
    #expect(String("电话：0571-8812，(转)8号。".filter { !Punctuation.contains($0) }) == "电话05718812转8号")
  }
}
