// SPDX-License-Identifier: Apache-2.0
import OCRCore

/// What training never sees, so validation measures reading new fonts and new words: a few
/// font families (one of each style that has others left: Ming/Song, sans, Kai) and every
/// twentieth phrase. Validation also draws with its own seed, so its augmentations differ.
public enum HeldOutSplit {
  /// Family-name prefixes of the validation-only fonts.
  public static let fontFamilies = ["AR PL UMing", "WenQuanYi Micro Hei", "LXGW WenKai"]
  /// Family-name prefixes of the validation-only Latin faces (for digits and letters).
  public static let latinFamilies = ["DejaVu Serif"]

  /// One phrase in this many is held out, chosen by its content so the split does not depend
  /// on the list's order.
  public static let phraseShare = 20

  /// Font indices for (training, validation). With no held-out family installed, validation
  /// uses every font (and says so by sharing the training list).
  public static func fonts(in library: FontLibrary) -> (training: [Int], validation: [Int]) {
    let held = library.fonts.indices.filter { index in
      fontFamilies.contains { library.fonts[index].familyName.hasPrefix($0) }
    }
    let training = library.fonts.indices.filter { !held.contains($0) }
    guard !held.isEmpty, !training.isEmpty else {
      return (Array(library.fonts.indices), Array(library.fonts.indices))
    }
    return (training, held)
  }

  /// Latin face numbers (`FontLibrary.info(_:)`) for (training, validation); with no held-out
  /// family installed, both use every Latin face.
  public static func latinFonts(in library: FontLibrary) -> (training: [Int], validation: [Int]) {
    let all = Array(library.latinIndices)
    let held = all.filter { index in latinFamilies.contains { library.info(index).familyName.hasPrefix($0) } }
    let training = all.filter { !held.contains($0) }
    guard !held.isEmpty, !training.isEmpty else { return (all, all) }
    return (training, held)
  }

  /// The phrase list split into (training, validation).
  public static func phrases(_ list: PhraseList) -> (training: PhraseList, validation: PhraseList) {
    let held = list.phrases.map { isHeldOut($0) }
    return (
      PhraseList(phrases: zip(list.phrases, held).filter { !$0.1 }.map(\.0)),
      PhraseList(phrases: zip(list.phrases, held).filter { $0.1 }.map(\.0))
    )
  }

  static func isHeldOut(_ phrase: [Int]) -> Bool {
    // FNV-1a over the ids: stable across runs and platforms, unlike Hasher.
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for id in phrase {
      hash ^= UInt64(id)
      hash = hash &* 0x100_0000_01B3
    }
    return hash % UInt64(phraseShare) == 0
  }
}
