// SPDX-License-Identifier: Apache-2.0
import OCRCore

/// Texts of the fields of a Chinese resident ID card or social-security card, as a text
/// detector crops them: a label and an 18-digit ID number, the name field, and pieces of
/// either where the crop cut into the field (公民身份540527194009232, 会保障号码…, 24194812112499).
///
/// ID numbers are well formed, so a model cannot learn a shape real ones never have: a
/// six-digit region code, a birth date, a three-digit sequence and the ISO 7064 MOD 11-2 check
/// character (a digit or X).
struct IDCardFields: Sendable {
  let charset: Charset
  /// The dictionary's CJK ideographs, for names: IDs print rare characters as often as common ones.
  private let ideographs: [Int]
  private let labels = ["公民身份号码", "身份证号码", "社会保障号码", "证件号码", "身份号码"]
  /// The first two digits of the region codes in use.
  private static let provinces = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65,
  ]
  private static let checkWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  private static let checkCharacters = Array("10X98765432")

  init(charset: Charset) {
    self.charset = charset
    ideographs = charset.characters.indices.filter { id in
      guard let scalar = charset.characters[id].unicodeScalars.first else { return false }
      return (0x4E00...0x9FFF).contains(scalar.value)
    }
  }

  func sample<G: RandomNumberGenerator>(using g: inout G) -> [Int] {
    let text: String
    switch Int.random(in: 0..<20, using: &g) {
    case 0..<8: text = labels.randomElement(using: &g)! + Self.idNumber(using: &g)
    case 8..<12: text = piece(of: labels.randomElement(using: &g)!, Self.idNumber(using: &g), using: &g)
    case 12..<15: text = piece(of: "", Self.idNumber(using: &g), using: &g)
    case 15..<18: text = "姓名" + name(using: &g)
    default: text = name(using: &g)
    }
    return text.compactMap { charset.ids[String($0)] }
  }

  /// What a crop cut out of a field: the label's end or its start (or none of it), then the
  /// number less up to six digits at its end and, where no label is left, four at its start.
  private func piece<G: RandomNumberGenerator>(of label: String, _ number: String, using g: inout G) -> String
  {
    let kept = Int.random(in: 0...label.count, using: &g)
    let labelPart = Bool.random(using: &g) ? label.suffix(kept) : label.prefix(kept)
    let start = Int.random(in: 0...(labelPart.isEmpty ? 4 : 0), using: &g)
    let end = number.count - Int.random(in: 0...(Bool.random(using: &g) ? 0 : 6), using: &g)
    return String(labelPart + number.dropFirst(start).prefix(end - start))
  }

  private func name<G: RandomNumberGenerator>(using g: inout G) -> String {
    let length = [2, 3, 3, 3, 4].randomElement(using: &g)!
    return (0..<length).map { _ in charset.characters[ideographs.randomElement(using: &g)!] }.joined()
  }

  /// An 18-character resident ID number with a valid check character.
  static func idNumber<G: RandomNumberGenerator>(using g: inout G) -> String {
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: width - digits.count) + digits
    }
    let region =
      padded(provinces.randomElement(using: &g)!, 2)
      + padded(Int.random(in: 1...30, using: &g), 2) + padded(Int.random(in: 1...40, using: &g), 2)
    let month = Int.random(in: 1...12, using: &g)
    let birth =
      padded(Int.random(in: 1930...2020, using: &g), 4) + padded(month, 2)
      + padded(Int.random(in: 1...(month == 2 ? 28 : 30), using: &g), 2)
    let body = region + birth + padded(Int.random(in: 0...999, using: &g), 3)
    return body + String(checkCharacter(of: body))
  }

  /// ISO 7064 MOD 11-2 over the first 17 digits, as GB 11643 defines it.
  static func checkCharacter(of body: String) -> Character {
    let sum = zip(body.compactMap(\.wholeNumberValue), checkWeights).reduce(0) { $0 + $1.0 * $1.1 }
    return checkCharacters[sum % 11]
  }
}
