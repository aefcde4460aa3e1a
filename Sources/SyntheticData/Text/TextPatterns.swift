// SPDX-License-Identifier: Apache-2.0
import OCRCore

/// Number and Latin patterns of the kind printed on IDs, tickets, receipts and signs, written
/// only with dictionary characters: with upstream's dictionary (no punctuation, no space) as
/// 2024年5月1日 or 8时30分; with one that has `PunctuationMarks.all` (`punctuated`) half the
/// time as printed with their marks, 2024-05-01, 08:30, ¥12.50.
struct TextPatterns: Sendable {
  let charset: Charset
  let punctuated: Bool
  private let provinces = Array("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
  private let labels = [
    "身份证号", "电话", "手机", "编号", "订单号", "金额", "价格", "日期", "时间", "车牌", "工号", "合计",
    "公民身份号码", "社会保障号码", "证件号码", "发票号码", "账号", "卡号", "车次", "座位号", "邮编", "学号",
  ]
  private let units = ["元", "角", "分", "号", "楼", "室", "米", "公斤", "个", "件", "次"]

  init(charset: Charset, punctuated: Bool = false) {
    self.charset = charset
    self.punctuated = punctuated
  }

  func sample<G: RandomNumberGenerator>(using g: inout G) -> [Int] {
    let text = punctuated && Bool.random(using: &g) ? withMarks(using: &g) : plain(using: &g)
    return text.compactMap { charset.ids[String($0)] }
  }

  private func plain<G: RandomNumberGenerator>(using g: inout G) -> String {
    let text: String
    switch Int.random(in: 0..<10, using: &g) {
    case 0: text = idNumber(using: &g)
    case 1:
      text =
        "\(Int.random(in: 1950...2035, using: &g))年\(Int.random(in: 1...12, using: &g))月\(Int.random(in: 1...31, using: &g))日"
    case 2: text = "1\(digits(10, using: &g))"
    case 3: text = "\(Int.random(in: 0...99999, using: &g))\(units.randomElement(using: &g)!)"
    case 4:
      text = "\(provinces.randomElement(using: &g)!)\(letters(1, using: &g))\(alphanumerics(5, using: &g))"
    case 5:
      text =
        "\(letters(Int.random(in: 1...4, using: &g), using: &g))\(digits(Int.random(in: 2...10, using: &g), using: &g))"
    case 6: text = "\(Int.random(in: 0...23, using: &g))时\(Int.random(in: 0...59, using: &g))分"
    case 7: text = labels.randomElement(using: &g)! + digits(Int.random(in: 4...12, using: &g), using: &g)
    case 8: text = labels.randomElement(using: &g)! + idNumber(using: &g)
    default: text = alphanumerics(Int.random(in: 3...16, using: &g), using: &g)
    }
    return text
  }

  /// Dates, times, amounts, phone numbers and codes as they are printed, with their marks;
  /// a third of them after a label and a colon.
  private func withMarks<G: RandomNumberGenerator>(using g: inout G) -> String {
    func number(_ range: ClosedRange<Int>, width: Int = 1) -> String {
      let value = String(Int.random(in: range, using: &g))
      return String(repeating: "0", count: max(0, width - value.count)) + value
    }
    let value: String
    switch Int.random(in: 0..<12, using: &g) {
    case 0:
      let separator = ["-", "/", "."].randomElement(using: &g)!
      value = [number(1950...2035), number(1...12, width: 2), number(1...31, width: 2)].joined(
        separator: separator)
    case 1:
      value =
        "\(number(0...23, width: 2)):\(number(0...59, width: 2))"
        + (Bool.random(using: &g) ? ":\(number(0...59, width: 2))" : "")
    case 2:
      value =
        "\(number(0...23, width: 2)):\(number(0...59, width: 2))-\(number(0...23, width: 2)):\(number(0...59, width: 2))"
    case 3: value = "¥\(number(0...99999)).\(number(0...99, width: 2))"
    case 4: value = "\(number(0...9999)).\(number(0...99, width: 2))\(units.randomElement(using: &g)!)"
    case 5: value = "\(number(0...100)).\(number(0...9))%"
    case 6: value = "0\(number(10...999))-\(digits(8, using: &g))"
    case 7: value = "(0\(number(10...999)))\(digits(8, using: &g))"
    case 8: value = "\(number(1...999)),\(number(0...999, width: 3)).\(number(0...99, width: 2))"
    case 9: value = "No.\(digits(Int.random(in: 3...10, using: &g), using: &g))"
    case 10: value = "#\(number(1...999))"
    default:
      value =
        "\(letters(Int.random(in: 1...3, using: &g), using: &g).uppercased())-\(digits(Int.random(in: 2...6, using: &g), using: &g))"
    }
    guard Int.random(in: 0..<3, using: &g) == 0 else { return value }
    return labels.randomElement(using: &g)! + (Bool.random(using: &g) ? "：" : ":") + value
  }

  /// 17 random digits and a check character drawn apart from them. `IDCardFields` draws
  /// well-formed numbers; this one stays as it was, so every seed draws the lines it drew.
  private func idNumber<G: RandomNumberGenerator>(using g: inout G) -> String {
    let body = digits(17, using: &g)
    return body + (Int.random(in: 0..<11, using: &g) == 10 ? "X" : String(Int.random(in: 0...9, using: &g)))
  }

  private func digits<G: RandomNumberGenerator>(_ n: Int, using g: inout G) -> String {
    String((0..<n).map { _ in Character(String(Int.random(in: 0...9, using: &g))) })
  }

  private func letters<G: RandomNumberGenerator>(_ n: Int, using g: inout G) -> String {
    let pool = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    return String((0..<n).map { _ in pool.randomElement(using: &g)! })
  }

  private func alphanumerics<G: RandomNumberGenerator>(_ n: Int, using g: inout G) -> String {
    let pool = Array("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
    return String((0..<n).map { _ in pool.randomElement(using: &g)! })
  }
}
