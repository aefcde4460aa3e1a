// SPDX-License-Identifier: Apache-2.0
import OCRCore

/// Number and Latin patterns of the kind printed on IDs, tickets, receipts and signs, written
/// only with dictionary characters (it has no punctuation and no space).
struct TextPatterns: Sendable {
  let charset: Charset
  private let provinces = Array("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
  private let labels = [
    "身份证号", "电话", "手机", "编号", "订单号", "金额", "价格", "日期", "时间", "车牌", "工号", "合计",
    "公民身份号码", "社会保障号码", "证件号码", "发票号码", "账号", "卡号", "车次", "座位号", "邮编", "学号",
  ]
  private let units = ["元", "角", "分", "号", "楼", "室", "米", "公斤", "个", "件", "次"]

  init(charset: Charset) { self.charset = charset }

  func sample<G: RandomNumberGenerator>(using g: inout G) -> [Int] {
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
    return text.compactMap { charset.ids[String($0)] }
  }

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
