// SPDX-License-Identifier: Apache-2.0
import CFreeType
import Foundation
import OCRCore

/// A usable font face and the dictionary characters it really has glyphs for.
public struct FontInfo: Sendable, Hashable {
  public let path: String
  public let faceIndex: Int
  public let familyName: String
  /// Ids (in the charset) of the characters this face covers.
  public let coverage: Set<Int>

  public var name: String { "\(familyName) (\((path as NSString).lastPathComponent)#\(faceIndex))" }
}

/// Finds the fonts that can draw Chinese lines: every face under the font folders whose glyphs
/// cover at least `minimumCoverage` of the dictionary. Regional variants of the same design
/// (Noto's JP/KR/HK/TC faces, UKai's TW/HK) are left out because they draw some characters in
/// the shapes of other writing standards.
///
/// Chinese print sets digits and Latin letters in a Latin typeface more often than in the CJK
/// font's own: faces with every ASCII letter and digit of the dictionary but too few Chinese
/// characters are kept apart as `latinFonts`, numbered after `fonts` (see `info(_:)`).
public struct FontLibrary: Sendable {
  public static let defaultFolders = ["/usr/share/fonts", "/usr/local/share/fonts"]
  static let regionalSuffixes = [" JP", " KR", " HK", " TC", " TW", " TW MBE"]
  /// Families whose letters are symbols or ornaments rather than text.
  static let nonTextFamilies = ["Math", "Symbol", "Dingbat"]

  public let fonts: [FontInfo]
  /// Faces for the ASCII runs of a line; their `coverage` holds only ASCII ids.
  public let latinFonts: [FontInfo]
  public let charset: Charset

  public init(charset: Charset, folders: [String] = FontLibrary.defaultFolders, minimumCoverage: Double = 0.5)
    throws
  {
    var library: FT_Library?
    guard FT_Init_FreeType(&library) == 0, let library else { throw FontError("FreeType failed to start") }
    defer { FT_Done_FreeType(library) }
    let scalars = charset.characters.map { $0.unicodeScalars.first! }
    var fonts: [FontInfo] = []
    var latinFonts: [FontInfo] = []
    let asciiIDs = scalars.indices.filter { $0 != charset.nullID && scalars[$0].isASCII }
    let alphanumericIDs = asciiIDs.filter {
      scalars[$0].properties.isAlphabetic || ("0"..."9").contains(scalars[$0])
    }
    for path in FontLibrary.fontFiles(in: folders) {
      guard let first = try? FontFace(library: library, path: path, faceIndex: 0) else { continue }
      for faceIndex in 0..<max(1, first.faceCount) {
        guard
          let face = faceIndex == 0
            ? first : try? FontFace(library: library, path: path, faceIndex: faceIndex),
          face.isScalable,
          !FontLibrary.regionalSuffixes.contains(where: { face.familyName.hasSuffix($0) })
        else { continue }
        var coverage = Set<Int>()
        for (id, scalar) in scalars.enumerated() where id != charset.nullID && face.covers(scalar) {
          coverage.insert(id)
        }
        let info = { (coverage: Set<Int>) in
          FontInfo(path: path, faceIndex: faceIndex, familyName: face.familyName, coverage: coverage)
        }
        if Double(coverage.count) >= minimumCoverage * Double(charset.count - 1) {
          fonts.append(info(coverage))
        } else if !alphanumericIDs.isEmpty, coverage.isSuperset(of: alphanumericIDs),
          !FontLibrary.nonTextFamilies.contains(where: { face.familyName.contains($0) })
        {
          latinFonts.append(info(coverage.intersection(asciiIDs)))
        }
      }
    }
    guard !fonts.isEmpty else {
      throw FontError(
        "no font under \(folders.joined(separator: ", ")) covers the dictionary: run scripts/setup to install the CJK fonts"
      )
    }
    let byPath = { (a: FontInfo, b: FontInfo) in (a.path, a.faceIndex) < (b.path, b.faceIndex) }
    self.fonts = fonts.sorted(by: byPath)
    self.latinFonts = latinFonts.sorted(by: byPath)
    self.charset = charset
  }

  /// A face by its number: `fonts` first, then `latinFonts`.
  public func info(_ index: Int) -> FontInfo {
    index < fonts.count ? fonts[index] : latinFonts[index - fonts.count]
  }

  /// The numbers of `latinFonts`, as `info(_:)` takes them.
  public var latinIndices: Range<Int> { fonts.count..<fonts.count + latinFonts.count }

  /// Dictionary ids no font can draw.
  public var uncovered: [Int] {
    let union = fonts.reduce(into: Set<Int>()) { $0.formUnion($1.coverage) }
    return (0..<charset.count).filter { $0 != charset.nullID && !union.contains($0) }
  }

  static func fontFiles(in folders: [String]) -> [String] {
    var files: [String] = []
    for folder in folders {
      guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
      for case let relative as String in walker {
        let lower = relative.lowercased()
        if lower.hasSuffix(".ttf") || lower.hasSuffix(".ttc") || lower.hasSuffix(".otf")
          || lower.hasSuffix(".otc")
        {
          files.append("\(folder)/\(relative)")
        }
      }
    }
    return files.sorted()
  }
}
