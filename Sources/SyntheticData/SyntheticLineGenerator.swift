// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import OCRData

/// One synthetic training line.
public struct SyntheticSample: Sendable {
  public let image: Image
  public let text: String
  public let ids: [Int]
  public let level: Int
  public let source: TextSource
  /// Index into `FontLibrary.fonts`.
  public let font: Int
  /// The face of the line's ASCII characters (`FontLibrary.info(_:)`), when not `font`.
  public let latinFont: Int?
  public let style: LineStyle
}

/// Renders Chinese text lines from real fonts, with the curriculum's augmentations.
///
/// Sample `index` depends only on (`seed`, `index`, `level`), never on which thread drew it or
/// what was drawn before, so runs repeat exactly and can be split across threads freely.
/// Not thread-safe itself: give each thread its own generator (they share nothing mutable).
public final class SyntheticLineGenerator {
  public struct Options: Sendable {
    /// Height of the output lines in pixels.
    public var height = 32
    /// Widest output line (longer lines are squeezed).
    public var maxWidth = 1024
    public var seed: UInt64 = 1
    /// The fonts (indices into `FontLibrary.fonts`) lines may use; nil for all.
    public var fontIndices: [Int]?
    /// The Latin faces (`FontLibrary.info(_:)` numbers) lines may use; nil for all.
    public var latinFontIndices: [Int]?
    /// Draw vertical lines (top to bottom, `height` pixels wide) instead of horizontal ones,
    /// with the same texts, fonts and styles for the same seed.
    public var vertical = false
    /// The policy every line is drawn with, whatever its curriculum level; nil for the
    /// level's own (`AugmentationPolicy.level`).
    public var policy: AugmentationPolicy?
    /// Share of lines drawn as ID-card fields (`IDCardFields` text, drawn with
    /// `AugmentationPolicy.idCardFields`) instead of their level's text and policy. At 0 no
    /// draw decides it, so the other lines stay what they were without it.
    public var idCardShare = 0.0
    /// Share of lines shaded by uneven light (`LineShade`). Drawn after everything else, so a
    /// shaded set holds the lines of the unshaded one with the same seed, in uneven light.
    public var shadedShare = 0.0
    /// Degrees every line is turned by, clockwise or counter-clockwise at random (0: none).
    /// Drawn after everything else but the shade, as `shadedShare` is.
    public var turn = 0.0
    /// Share of lines repainted in two colours of the same brightness (`LineColours`), as
    /// RGB images. Drawn after the turn and before the shade, as `shadedShare` is.
    public var colouredShare = 0.0
    public init() {}
  }

  public let fonts: FontLibrary
  public let sampler: TextSampler
  public let options: Options
  private let renderer: LineRenderer
  /// `options.fontIndices`, or every font.
  private let allowedFonts: [Int]
  private let allowedLatinFonts: [Int]
  var rendererForPreview: LineRenderer { renderer }
  /// Lines whose characters no single font covered, re-drawn with new text.
  public private(set) var redrawnTexts = 0

  public convenience init(fonts: FontLibrary, sampler: TextSampler, options: Options = Options()) throws {
    try self.init(fonts: fonts, sampler: sampler, options: options, atlas: GlyphAtlas())
  }

  init(fonts: FontLibrary, sampler: TextSampler, options: Options, atlas: GlyphAtlas) throws {
    self.fonts = fonts
    self.sampler = sampler
    self.options = options
    allowedFonts = options.fontIndices ?? Array(fonts.fonts.indices)
    allowedLatinFonts = options.latinFontIndices ?? Array(fonts.latinIndices)
    renderer = try LineRenderer(library: fonts, atlas: atlas)
  }

  /// A new generator with the same fonts, text, options and glyph atlas (for another thread).
  public func copy() throws -> SyntheticLineGenerator {
    try SyntheticLineGenerator(fonts: fonts, sampler: sampler, options: options, atlas: renderer.atlas)
  }

  /// Glyphs rasterised so far (all threads together).
  public var atlasSize: Int { renderer.atlas.count }

  /// The line at `index` of curriculum `level` (0 clean … 3 hard).
  public func sample(index: Int, level: Int, policy: AugmentationPolicy? = nil) throws -> SyntheticSample {
    var g = SplitMix64(
      seed: options.seed &+ UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03 &+ UInt64(level)
        &* 0x94D0_49BB_1331_11EB)
    let idCard = options.idCardShare > 0 && Double.random(in: 0..<1, using: &g) < options.idCardShare
    let policy = idCard ? .idCardFields : policy ?? options.policy ?? AugmentationPolicy.level(level)
    for _ in 0..<50 {
      let (ids, source) = idCard ? sampler.sample(from: .idCardFields, using: &g) : sampler.sample(using: &g)
      let candidates = allowedFonts.filter { fonts.fonts[$0].coverage.isSuperset(of: ids) }
      guard let font = candidates.randomElement(using: &g) else {
        redrawnTexts += 1
        continue
      }
      var style = policy.draw(using: &g)
      let latinFont = options.vertical || !style.latinFace ? nil : latinFont(for: ids, using: &g)
      let drawnIDs =
        options.vertical
        ? ids
        : PunctuationMarks.inserted(style.punctuationMarks, into: ids, charset: fonts.charset, using: &g)
      let drawn =
        options.vertical
        ? try renderer.renderVertical(
          ids: ids, font: font, style: style, columnWidth: options.height, using: &g)
        : try renderer.render(
          ids: drawnIDs, font: font, latinFont: latinFont, style: style, outputHeight: options.height,
          maxWidth: options.maxWidth, using: &g)
      guard var image = drawn else {
        redrawnTexts += 1
        continue
      }
      image = photographed(image, style: &style, using: &g)
      let text = ids.map { fonts.charset.characters[$0] }.joined()
      return SyntheticSample(
        image: image, text: text, ids: ids, level: level, source: source, font: font, latinFont: latinFont,
        style: style)
    }
    throw FontError("no font could draw 50 texts in a row: the fonts do not cover the dictionary")
  }

  /// The finished line as `options.turn`, `options.colouredShare` and `options.shadedShare`
  /// have a camera take it: turned, repainted in colours, then in uneven light, each noted in
  /// `style`. Drawn after everything else, so the line is otherwise the one the same seed
  /// draws without them.
  private func photographed<G: RandomNumberGenerator>(
    _ image: Image, style: inout LineStyle, using g: inout G
  ) -> Image {
    var image = image
    if options.turn != 0 {
      let degrees = Bool.random(using: &g) ? options.turn : -options.turn
      image = LineTurn.turned(image, degrees: degrees)
      style.turn = degrees
    }
    if options.colouredShare > 0, Double.random(in: 0..<1, using: &g) < options.colouredShare {
      let colours = LineColours.draw(using: &g)
      image = colours.applied(to: image, using: &g)
      style.colours = colours
    }
    if options.shadedShare > 0, Double.random(in: 0..<1, using: &g) < options.shadedShare {
      let shade = LineShade.draw(using: &g)
      image = shade.applied(to: image)
      style.shade = shade
    }
    return image
  }

  /// A Latin face that has every ASCII character of `ids`; nil when the line has none (or no
  /// face has them all).
  private func latinFont<G: RandomNumberGenerator>(for ids: [Int], using g: inout G) -> Int? {
    let ascii = ids.filter { fonts.charset.characters[$0].unicodeScalars.first!.isASCII }
    guard !ascii.isEmpty else { return nil }
    return allowedLatinFonts.filter { fonts.info($0).coverage.isSuperset(of: ascii) }.randomElement(using: &g)
  }

  /// Whether every glyph of `ids` in `font` has ink at every atlas size (nil when the font
  /// cannot draw one of them): the check that no character is drawn blank.
  public func glyphsHaveInk(_ ids: [Int], font: Int) throws -> Bool? {
    var inked = true
    for size in GlyphAtlas.sizes {
      guard let glyphs = try renderer.glyphs(for: ids, font: font, size: size) else { return nil }
      inked = inked && glyphs.allSatisfy(\.hasInk)
    }
    return inked
  }
}

extension SyntheticLineGenerator {
  /// `text` drawn plainly (black on white, no augmentation) at `height`, in the first font that
  /// has all its characters; nil when none has. Used to caption preview sheets.
  public func renderPlain(_ text: String, height: Int) throws -> Image? {
    let ids = text.compactMap { fonts.charset.ids[String($0)] }
    guard ids.count == text.count,
      let font = fonts.fonts.indices.first(where: { fonts.fonts[$0].coverage.isSuperset(of: ids) })
    else { return nil }
    var style = LineStyle()
    style.fontSize = 32
    style.padding = [0.1, 0.1, 0.1, 0.1]
    var g = SplitMix64(seed: 0)
    return try rendererForPreview.render(
      ids: ids, font: font, style: style, outputHeight: height, maxWidth: 4096, using: &g)
  }
}
