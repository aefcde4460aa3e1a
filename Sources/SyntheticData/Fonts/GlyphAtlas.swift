// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Rasterised glyphs shared by every renderer thread: each glyph is drawn by FreeType once per
/// font and size, then reused. Sizes are snapped to `sizes` so the atlas stays bounded
/// (fonts × sizes × characters); a line's scale then comes from its margins and the final resize.
final class GlyphAtlas: @unchecked Sendable {
  struct Key: Hashable {
    let font: Int
    let size: Int
    let id: Int
  }

  static let sizes = [22, 28]

  private var glyphs: [Key: GlyphBitmap] = [:]
  private let lock = NSLock()

  /// The atlas size nearest to `requested`.
  static func snap(_ requested: Int) -> Int {
    sizes.min { abs($0 - requested) < abs($1 - requested) }!
  }

  func glyph(_ key: Key) -> GlyphBitmap? { lock.withLock { glyphs[key] } }

  func store(_ glyph: GlyphBitmap, for key: Key) { lock.withLock { glyphs[key] = glyph } }

  var count: Int { lock.withLock { glyphs.count } }
}
