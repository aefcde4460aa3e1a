// SPDX-License-Identifier: Apache-2.0
import SyntheticData

extension SynthCommand {
  /// One face a line, tab-separated so scripts can read it: role, file, face number, family and
  /// how many dictionary characters the face draws. Roles follow `HeldOutSplit`: `training`,
  /// `validation`, or `both` when no held-out family is installed; Latin faces (digits and
  /// letters only) are `latin-training` and so on.
  func printFontList(_ fonts: FontLibrary) {
    func role(_ index: Int, in split: (training: [Int], validation: [Int])) -> String {
      switch (split.training.contains(index), split.validation.contains(index)) {
      case (true, true): "both"
      case (false, true): "validation"
      default: "training"
      }
    }
    let split = HeldOutSplit.fonts(in: fonts)
    let latinSplit = HeldOutSplit.latinFonts(in: fonts)
    let roles =
      fonts.fonts.indices.map { ($0, role($0, in: split)) }
      + fonts.latinIndices.map { ($0, "latin-" + role($0, in: latinSplit)) }
    for (index, role) in roles {
      let info = fonts.info(index)
      print(
        [role, info.path, String(info.faceIndex), info.familyName, String(info.coverage.count)]
          .joined(separator: "\t"))
    }
  }
}
