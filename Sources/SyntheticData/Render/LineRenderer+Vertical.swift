// SPDX-License-Identifier: Apache-2.0
import OCRData

extension LineRenderer {
  /// Renders `ids` top to bottom, each character centred in its em square, as vertical signs
  /// and spines set them; the column is scaled to `columnWidth` pixels wide. Uses the style's
  /// size, spacing, margins, ink, background, blur, noise, inversion and JPEG; the geometric
  /// distortions, rules and the other line-shaped augmentations are for horizontal lines.
  func renderVertical<G: RandomNumberGenerator>(
    ids: [Int], font: Int, style: LineStyle, columnWidth: Int, using g: inout G
  ) throws -> Image? {
    let size = GlyphAtlas.snap(style.fontSize)
    guard let bitmaps = try glyphs(for: ids, font: font, size: size) else { return nil }
    let em = Double(size)
    let spacing = max(0, Int((style.characterSpacing * em).rounded()))
    let padLeft = Int(style.padding[0] * em), padRight = Int(style.padding[1] * em)
    let padTop = Int(style.padding[2] * em), padBottom = Int(style.padding[3] * em)
    let width = padLeft + size + padRight
    let height = padTop + bitmaps.count * size + (bitmaps.count - 1) * spacing + padBottom

    let paper = Float(Double.random(in: style.contrast...1, using: &g))
    let ink = paper - Float(style.contrast)
    var canvas = GreyCanvas(width: width, height: height, value: paper)
    canvas.paintBackground(style.background, level: paper, using: &g)
    for (index, glyph) in bitmaps.enumerated() {
      let fade = style.unevenInk > 0 ? Float(Double.random(in: 0...style.unevenInk, using: &g)) : 0
      let top = padTop + index * (size + spacing)
      canvas.draw(
        glyph, x: padLeft + (size - glyph.width) / 2, y: top + (size - glyph.height) / 2,
        ink: ink + (paper - ink) * fade)
    }
    if style.border { canvas.frame(thickness: max(1, size / 16), ink: ink) }
    let scaledHeight = Double(height) * Double(columnWidth) / Double(width)
    canvas = canvas.resized(width: columnWidth, height: max(1, Int(scaledHeight.rounded())))
    canvas.blur(radius: style.blurRadius)
    if let shake = style.cameraShake {
      canvas.motionBlur(length: shake.length * Double(columnWidth), degrees: shake.degrees)
    }
    return finished(canvas, style: style, using: &g)
  }
}
