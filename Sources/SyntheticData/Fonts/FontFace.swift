// SPDX-License-Identifier: Apache-2.0
import CFreeType
import Foundation

/// A rasterised glyph: 8-bit coverage, placed relative to the pen position on the baseline.
struct GlyphBitmap: Sendable {
  let width: Int
  let height: Int
  /// Coverage 0…255, row-major.
  let coverage: [UInt8]
  /// Offset of the bitmap's left edge from the pen.
  let left: Int
  /// Distance from the baseline up to the bitmap's top row.
  let top: Int
  /// Horizontal pen advance in pixels.
  let advance: Int

  var hasInk: Bool { coverage.contains { $0 > 0 } }
}

/// One face of a font file (a .ttc holds several), opened with FreeType.
///
/// A face is not thread-safe; `FontLibrary` gives each generator thread its own handles.
final class FontFace {
  let path: String
  let faceIndex: Int
  let familyName: String
  private var face: FT_Face?
  private let library: FT_Library
  private var currentSize = 0

  init(library: FT_Library, path: String, faceIndex: Int) throws {
    self.library = library
    self.path = path
    self.faceIndex = faceIndex
    var face: FT_Face?
    let status = FT_New_Face(library, path, FT_Long(faceIndex), &face)
    guard status == 0, let face else {
      throw FontError("\(path): FreeType cannot open face \(faceIndex) (error \(status))")
    }
    self.face = face
    familyName = face.pointee.family_name.map { String(cString: $0) } ?? "?"
  }

  deinit { if let face { FT_Done_Face(face) } }

  /// Number of faces in the file.
  var faceCount: Int { Int(face?.pointee.num_faces ?? 0) }

  var isScalable: Bool { ((face?.pointee.face_flags ?? 0) & FT_Long(FT_FACE_FLAG_SCALABLE)) != 0 }

  /// Whether the font has a real glyph (not .notdef) for `scalar`.
  func covers(_ scalar: Unicode.Scalar) -> Bool {
    guard let face else { return false }
    return FT_Get_Char_Index(face, FT_ULong(scalar.value)) != 0
  }

  /// Line metrics at `pixelSize`: (ascender, descender as a positive number), in pixels.
  func metrics(pixelSize: Int) -> (ascender: Int, descender: Int) {
    guard let face else { return (pixelSize, 0) }
    setSize(pixelSize)
    let m = face.pointee.size.pointee.metrics
    return (Int(m.ascender) >> 6, Int(-m.descender) >> 6)
  }

  /// Renders `scalar` at `pixelSize` with anti-aliasing, or nil when it cannot be drawn.
  func render(_ scalar: Unicode.Scalar, pixelSize: Int) -> GlyphBitmap? {
    guard let face else { return nil }
    setSize(pixelSize)
    let index = FT_Get_Char_Index(face, FT_ULong(scalar.value))
    guard index != 0, FT_Load_Glyph(face, index, FT_Int32(FT_LOAD_DEFAULT)) == 0 else { return nil }
    guard let slot = face.pointee.glyph, FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) == 0 else { return nil }
    let bitmap = slot.pointee.bitmap
    let width = Int(bitmap.width), height = Int(bitmap.rows), pitch = Int(bitmap.pitch)
    var coverage = [UInt8](repeating: 0, count: width * height)
    if let buffer = bitmap.buffer, width > 0, height > 0, pitch >= width {
      for row in 0..<height {
        for column in 0..<width { coverage[row * width + column] = buffer[row * pitch + column] }
      }
    }
    return GlyphBitmap(
      width: width, height: height, coverage: coverage, left: Int(slot.pointee.bitmap_left),
      top: Int(slot.pointee.bitmap_top), advance: Int(slot.pointee.advance.x + 32) >> 6)
  }

  private func setSize(_ pixelSize: Int) {
    guard pixelSize != currentSize, let face else { return }
    FT_Set_Pixel_Sizes(face, 0, FT_UInt(pixelSize))
    currentSize = pixelSize
  }
}

/// A font that cannot be used.
struct FontError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
