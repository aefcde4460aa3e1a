// SPDX-License-Identifier: Apache-2.0
import CFreeType
import Foundation
import OCRCore
import OCRData

/// Draws one text line with one font and one `LineStyle`. Owns its FreeType handles, so use one
/// renderer per thread; the glyph atlas is shared.
final class LineRenderer {
  let library: FontLibrary
  let atlas: GlyphAtlas
  private var freetype: FT_Library?
  private var faces: [Int: FontFace] = [:]
  private let scalars: [Unicode.Scalar]

  /// Most ems one end of a rotated line may rise above the other. A long line tilted by a few
  /// degrees needs a box several ems high, and fitted to the output height its characters
  /// would shrink below legibility; line crops from a detector's rotated box are never that
  /// tilted, so long lines get smaller angles than short ones.
  static let maximumTiltRise = 1.0

  /// `degrees`, or the steepest angle at which a line `textWidthInEms` long rises no more than
  /// `maximumTiltRise`, whichever is smaller, with the sign of `degrees`.
  static func cappedRotation(_ degrees: Double, textWidthInEms: Double) -> Double {
    guard textWidthInEms > maximumTiltRise else { return degrees }
    let limit = asin(maximumTiltRise / textWidthInEms) * 180 / .pi
    return min(abs(degrees), limit) * (degrees < 0 ? -1 : 1)
  }

  init(library: FontLibrary, atlas: GlyphAtlas) throws {
    self.library = library
    self.atlas = atlas
    guard FT_Init_FreeType(&freetype) == 0 else { throw FontError("FreeType failed to start") }
    // Punctuation marks follow the dictionary's classes (`PunctuationMarks.id`).
    scalars = library.charset.characters.map { $0.unicodeScalars.first! } + PunctuationMarks.all
  }

  deinit {
    faces.removeAll()
    if let freetype { FT_Done_FreeType(freetype) }
  }

  /// The glyphs of `ids` in font `font` at `size`, the ASCII ones from `latinFont` when given
  /// (and it has them); nil if any character's glyph cannot be drawn, so a line is never
  /// rendered with a box or a gap where a character should be. A punctuation mark the face
  /// lacks is left out (marks are never labelled).
  func glyphs(for ids: [Int], font: Int, latinFont: Int? = nil, size: Int) throws -> [GlyphBitmap]? {
    var result: [GlyphBitmap] = []
    result.reserveCapacity(ids.count)
    let latinCoverage = latinFont.map { library.info($0).coverage } ?? []
    for id in ids {
      let font = latinCoverage.contains(id) ? latinFont! : font
      let key = GlyphAtlas.Key(font: font, size: size, id: id)
      if let cached = atlas.glyph(key) {
        result.append(cached)
        continue
      }
      guard let glyph = try face(font).render(scalars[id], pixelSize: size) else {
        if id >= library.charset.count { continue }
        return nil
      }
      atlas.store(glyph, for: key)
      result.append(glyph)
    }
    return result
  }

  func face(_ index: Int) throws -> FontFace {
    if let face = faces[index] { return face }
    let info = library.info(index)
    let face = try FontFace(library: freetype!, path: info.path, faceIndex: info.faceIndex)
    faces[index] = face
    return face
  }

  /// Renders `ids` and returns the grey line, scaled to `outputHeight` keeping its aspect ratio.
  /// `latinFont` draws the line's ASCII characters.
  func render<G: RandomNumberGenerator>(
    ids: [Int], font: Int, latinFont: Int? = nil, style: LineStyle, outputHeight: Int, maxWidth: Int,
    using g: inout G
  ) throws -> Image? {
    let size = GlyphAtlas.snap(style.fontSize)
    guard let bitmaps = try glyphs(for: ids, font: font, latinFont: latinFont, size: size) else { return nil }
    var (ascender, descender) = try face(font).metrics(pixelSize: size)
    if let latinFont {
      let latin = try face(latinFont).metrics(pixelSize: size)
      (ascender, descender) = (max(ascender, latin.ascender), max(descender, latin.descender))
    }
    let em = Double(size)
    let spacing = Int((style.characterSpacing * em).rounded())
    let padLeft = Int(style.padding[0] * em), padRight = Int(style.padding[1] * em)
    let marginScale = style.tightFrame ? 0.05 : 0.5
    var padTop = Int(style.padding[2] * em * marginScale)
    var padBottom = Int(style.padding[3] * em * marginScale)
    if style.tightFrame {
      // The ink's own extent instead of the font's line metrics.
      let above = bitmaps.map(\.top).max() ?? 0
      let below = bitmaps.map { $0.height - $0.top }.max() ?? 0
      if above + below > 0 { (ascender, descender) = (above, below) }
    }
    let jitter = style.baselineJitter * em
    let gapIndex = style.fieldGapIndex(characterCount: bitmaps.count)
    let gapWidth = gapIndex == nil ? 0 : Int((style.fieldGap * em).rounded())
    let textWidth = bitmaps.reduce(gapWidth) { $0 + max($1.advance + spacing, 1) }
    let rotation = LineRenderer.cappedRotation(style.rotation, textWidthInEms: Double(textWidth) / em)
    // Room above and below for the ends of a rotated line, so no glyph is cut off.
    let tilt = Int((Double(textWidth) * abs(sin(rotation * .pi / 180)) / 2).rounded(.up))
    padTop += tilt
    padBottom += tilt
    let width = max(1, padLeft + textWidth + padRight)
    let height = max(1, padTop + ascender + descender + padBottom + Int(2 * jitter))
    let baseline = padTop + ascender + Int(jitter)

    // Paper and ink luminance: `contrast` apart, somewhere in 0…1.
    let paper = Float(Double.random(in: style.contrast...1, using: &g))
    let ink = paper - Float(style.contrast)
    var canvas = GreyCanvas(width: width, height: height, value: paper)
    canvas.paintBackground(style.background, level: paper, using: &g)
    let inkKept = style.fadedBands.map {
      FadedBand.inkKept(by: $0, canvasWidth: width, textStart: padLeft, textWidth: textWidth, em: em)
    }
    var pen = padLeft
    for (index, glyph) in bitmaps.enumerated() {
      let shift = jitter > 0 ? Int(Double.random(in: -jitter...jitter, using: &g).rounded()) : 0
      // Only lines with uneven ink draw from the generator here, so other lines stay as they were.
      let fade = style.unevenInk > 0 ? Float(Double.random(in: 0...style.unevenInk, using: &g)) : 0
      canvas.draw(
        glyph, x: pen + glyph.left, y: baseline - glyph.top + shift, ink: ink + (paper - ink) * fade,
        inkKept: inkKept)
      pen += max(glyph.advance + spacing, 1) + (index == gapIndex ? gapWidth : 0)
    }
    if !style.tightFrame {
      let inkTop = bitmaps.map { baseline - $0.top }.min() ?? 0
      let inkBottom = bitmaps.map { baseline - $0.top + $0.height }.max() ?? height
      if style.neighbourAbove {
        drawNeighbour(bitmaps, on: &canvas, room: inkTop, above: true, em: size, ink: ink, using: &g)
      }
      if style.neighbourBelow {
        drawNeighbour(
          bitmaps, on: &canvas, room: height - inkBottom, above: false, em: size, ink: ink, using: &g)
      }
    }
    let rule = max(1, size / 16)
    if style.underline {
      canvas.fillRect(x: padLeft, y: baseline + descender / 2, width: textWidth, height: rule, ink: ink)
    }
    if style.overline {
      canvas.fillRect(x: padLeft, y: max(0, padTop - rule), width: textWidth, height: rule, ink: ink)
    }
    if style.border { canvas.frame(thickness: rule, ink: ink) }
    // Distortions at the output resolution, where they cost least (the drawing size is close
    // to it, so a blur radius means about the same in both).
    // The sideways stretch rides on the same resampling as the height.
    let scaledWidth =
      Double(canvas.width) * Double(outputHeight) / Double(canvas.height) * style.horizontalScale
    canvas = canvas.resized(width: min(maxWidth, max(1, Int(scaledWidth.rounded()))), height: outputHeight)
    canvas = canvas.warped(
      rotation: rotation, shear: style.shear, perspective: style.perspective,
      narrowLeft: Bool.random(using: &g))
    // One em at the output height, before any warp.
    let outputEm = em * Double(outputHeight) / Double(height)
    let shrunkHeight = Int((Double(outputHeight) * Double(style.lowResolutionEm) / outputEm).rounded())
    if style.lowResolutionEm > 0 && shrunkHeight < outputHeight {
      // Shrinking already blurs: a box blur on top would erase the strokes.
      let enlarging: ResizeMethod = style.smoothEnlarging ? .bicubic : .area
      canvas = canvas.resized(toHeight: max(1, shrunkHeight), maxWidth: Int.max)
        .resized(toHeight: outputHeight, maxWidth: maxWidth, method: enlarging)
    } else {
      canvas.blur(radius: style.blurRadius)
    }
    if let shake = style.cameraShake {
      canvas.motionBlur(length: shake.length * outputEm, degrees: shake.degrees)
    }
    return finished(canvas, style: style, using: &g)
  }

  /// The last steps of every line: sensor noise, inversion and the JPEG round trip.
  func finished<G: RandomNumberGenerator>(_ canvas: GreyCanvas, style: LineStyle, using g: inout G) -> Image {
    var canvas = canvas
    canvas.addNoise(sigma: style.noise, using: &g)
    if style.inverted { canvas.invert() }
    var image = canvas.image()
    if style.jpegQuality > 0, let jpeg = try? image.jpegData(quality: style.jpegQuality),
      let decoded = try? Image(decoding: jpeg, channels: 1)
    {
      image = decoded
    }
    return image
  }

  /// Another line's glyphs (this line's, shuffled) with their ink reaching 30–90 % of `room`
  /// pixels into the canvas from its top or bottom edge; the rest falls outside and is clipped.
  private func drawNeighbour<G: RandomNumberGenerator>(
    _ bitmaps: [GlyphBitmap], on canvas: inout GreyCanvas, room: Int, above: Bool, em: Int, ink: Float,
    using g: inout G
  ) {
    let reach = Int(Double(room) * Double.random(in: 0.3...0.9, using: &g))
    guard reach >= 2, !bitmaps.isEmpty else { return }
    let glyphs = bitmaps.shuffled(using: &g)
    var pen = Int.random(in: -em...em, using: &g)
    let end = Int.random(in: canvas.width / 2...canvas.width + em, using: &g)
    var index = 0
    while pen < end {
      let glyph = glyphs[index % glyphs.count]
      index += 1
      let y = above ? reach - glyph.height : canvas.height - reach
      canvas.draw(glyph, x: pen + glyph.left, y: y, ink: ink)
      pen += max(glyph.advance, 1)
    }
  }
}
