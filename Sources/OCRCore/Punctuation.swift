// SPDX-License-Identifier: Apache-2.0

/// Which characters count as punctuation when a comparison leaves it out
/// (`attention-ocr eval --ignore-punctuation`): marks of either width, currency and maths
/// signs. Other symbols (〒) are read as characters.
public enum Punctuation {
  public static func contains(_ character: Character) -> Bool {
    character.isPunctuation || character.isCurrencySymbol || character.isMathSymbol
  }
}
