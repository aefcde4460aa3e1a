// SPDX-License-Identifier: Apache-2.0

extension Character {
  /// The ASCII character a full-width form stands for (：→ :, （ → (, Ａ → A, １ → 1), and a
  /// space for the ideographic space; nil for any other character. Chinese text often writes
  /// digits, letters and some marks full-width where a model reads them half-width.
  public var asciiForFullWidthForm: Character? {
    guard unicodeScalars.count == 1, let scalar = unicodeScalars.first else { return nil }
    switch scalar.value {
    case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0).map(Character.init)
    case 0x3000: return " "
    default: return nil
    }
  }
}
