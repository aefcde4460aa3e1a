// SPDX-License-Identifier: Apache-2.0

/// A closed interval that a parameter is drawn from.
public struct ParameterRange: Sendable, Equatable, Codable {
  public var low: Double
  public var high: Double

  public init(_ low: Double, _ high: Double) {
    precondition(low <= high, "range \(low)…\(high) is empty")
    self.low = low
    self.high = high
  }

  public static func fixed(_ value: Double) -> ParameterRange { ParameterRange(value, value) }

  public func contains(_ value: Double) -> Bool { value >= low - 1e-9 && value <= high + 1e-9 }

  func draw<G: RandomNumberGenerator>(using g: inout G) -> Double {
    low == high ? low : Double.random(in: low...high, using: &g)
  }
}

/// How strongly a curriculum level distorts lines: each augmentation has a probability of
/// being applied and a range for its strength. Level 0 is clean print; 3 is the hardest.
public struct AugmentationPolicy: Sendable, Equatable, Codable {
  public static let levels = 0...3

  /// Requested glyph size in pixels. The glyph is rasterised at the nearest glyph-atlas size;
  /// its share of the output height then follows from `padding` and the final resize.
  public var fontSize = ParameterRange(24, 32)
  /// Extra space between characters, in ems (negative squeezes).
  public var characterSpacing = ParameterRange(0, 0.1)
  /// Vertical jitter of each character, in ems.
  public var baselineJitter = ParameterRange.fixed(0)
  /// Margins around the text, in ems (left/right and top/bottom drawn separately).
  public var padding = ParameterRange(0.1, 0.4)
  public var rotationProbability = 0.0
  /// Degrees; a long line's angle is capped further by `LineRenderer.maximumTiltRise`.
  public var rotation = ParameterRange.fixed(0)
  public var shearProbability = 0.0
  /// Horizontal shift per row, as a fraction of the row's distance from the middle.
  public var shear = ParameterRange.fixed(0)
  public var perspectiveProbability = 0.0
  /// Relative shrink of one end of the line.
  public var perspective = ParameterRange.fixed(0)
  public var blurProbability = 0.0
  /// Box-blur radius in pixels (at drawing size).
  public var blurRadius = ParameterRange(1, 1)
  /// Camera shake: the line smeared along one direction (any angle) by this many ems.
  public var cameraShakeProbability = 0.0
  public var cameraShake = ParameterRange(0.06, 0.25)
  public var noiseProbability = 0.0
  /// Standard deviation of Gaussian noise, in grey levels 0…1.
  public var noise = ParameterRange.fixed(0)
  public var jpegProbability = 0.0
  public var jpegQuality = ParameterRange(30, 90)
  /// Photographed and scanned lines often have characters only 10–20 pixels high: such lines
  /// are drawn at the output height, shrunk until one em measures this many pixels (instead of
  /// blurred) and scaled back up as the recognizer scales them. Measured on the em rather than
  /// the whole line, so wide margins or a tilt cannot shrink the characters below legibility.
  public var lowResolutionProbability = 0.0
  public var lowResolutionEm = ParameterRange(10, 20)
  /// Share of low-resolution lines scaled back up by cubic convolution, as the recogniser
  /// enlarges small crops; the rest by area, which repeats pixels.
  public var smoothEnlargingProbability = 0.5
  /// Lines stretched or squeezed sideways after drawing (condensed and expanded type, crops
  /// resized to a fixed box): the width is multiplied by the drawn factor.
  public var horizontalScaleProbability = 0.0
  public var horizontalScale = ParameterRange.fixed(1)
  /// Characters printed unevenly (worn ribbons, dot matrix, faded stamps): each character's
  /// contrast is multiplied by its own factor in 1 − fade…1.
  public var unevenInkProbability = 0.0
  public var unevenInk = ParameterRange.fixed(0)
  /// Stretches of the line faint from top to bottom (`FadedBand`): the probability of a line
  /// having one to `maximumFadedBands` of them, each as wide and as faint as drawn here.
  public var fadedBandProbability = 0.0
  public var maximumFadedBands = 2
  /// Width of a band's fully faded core, in ems.
  public var fadedBandWidth = ParameterRange(0.2, 2)
  /// Share of the contrast lost in a band's core.
  public var fadedBandStrength = ParameterRange(0.5, 0.95)
  /// Lines cropped tight, as many detectors and hand-made crops leave them: the ink reaches
  /// to within 0.03 em of the top and bottom (the drawn margins scaled by 0.05 instead of
  /// 0.5), without the room the font's ascender and descender leave above and below.
  public var tightFrameProbability = 0.1
  /// Lines holding two fields apart (a form's label and its value, a ticket's columns): a
  /// blank this many ems wide after one of the characters. The label shows no space (the
  /// dictionary has none), so the model learns to step over the blank.
  public var fieldGapProbability = 0.0
  public var fieldGap = ParameterRange(1, 4)
  /// Loose crops from a page take in bits of the lines above and below: the probability, for
  /// each side, of another line's ink reaching into the margin there.
  public var neighbourLineProbability = 0.0
  /// Punctuation (`PunctuationMarks`) drawn between characters but left out of the label, as
  /// the dictionary has none: the probability of a line having one or two marks, so the model
  /// learns to step over them rather than read a colon as "i" or a hyphen as "1". Lines drawn
  /// at low resolution get none.
  ///
  /// Off at every level: a mark that no label names also teaches the decoder that a glyph may
  /// be passed over, and every stage trained with marks dropped characters, faint digits above
  /// all (docs/training-stages.md, stages 18–24). Stepping over a mark only pays where references
  /// leave marks out; marks need classes of their own before training draws them.
  public var punctuationProbability = 0.0
  /// Digits and Latin letters set in a Latin typeface (as most Chinese print does) instead of
  /// the CJK font's own glyphs, for lines that have any.
  public var latinFaceProbability = 0.5
  /// Probabilities of background kinds: flat, gradient, texture, photo-like.
  public var backgroundWeights = [1.0, 0, 0, 0]
  /// Difference between text and background luminance (1 = black on white).
  public var contrast = ParameterRange(0.85, 1)
  public var invertProbability = 0.0
  /// Probability of a line under or over the text, and of a border around it.
  public var ruleProbability = 0.0
  public var borderProbability = 0.0

  public init() {}

  /// The policy of a curriculum level (0 clean … 3 hard).
  public static func level(_ level: Int) -> AugmentationPolicy {
    precondition(levels.contains(level), "curriculum levels are 0…3, got \(level)")
    var p = AugmentationPolicy()
    guard level > 0 else { return p }
    let s = Double(level) / 3  // strength 1/3, 2/3, 1
    p.fontSize = ParameterRange(20, 36)
    p.characterSpacing = ParameterRange(-0.05 * s, 0.1 + 0.3 * s)
    p.baselineJitter = ParameterRange(0, 0.06 * s)
    p.padding = ParameterRange(0.02, 0.3 + 0.3 * s)
    p.rotationProbability = 0.3 + 0.3 * s
    p.rotation = ParameterRange(-4 * s, 4 * s)
    p.shearProbability = 0.2 + 0.3 * s
    p.shear = ParameterRange(-0.3 * s, 0.3 * s)
    p.perspectiveProbability = 0.1 + 0.3 * s
    p.perspective = ParameterRange(0, 0.25 * s)
    p.blurProbability = 0.2 + 0.3 * s
    p.blurRadius = ParameterRange(1, 1)  // radius 2 at drawing size erases CJK strokes
    p.noiseProbability = 0.2 + 0.5 * s
    p.noise = ParameterRange(0.01, 0.02 + 0.06 * s)
    p.jpegProbability = 0.1 + 0.3 * s
    p.jpegQuality = ParameterRange(90 - 60 * s, 95)
    p.backgroundWeights = [1 - 0.6 * s, 0.2 * s + 0.1, 0.2 * s, 0.2 * s]
    p.contrast = ParameterRange(0.85 - 0.4 * s, 1)
    p.invertProbability = 0.1 * s
    p.ruleProbability = 0.05 + 0.15 * s
    p.borderProbability = 0.05 + 0.1 * s
    p.lowResolutionProbability = 0.3 * s
    p.horizontalScaleProbability = 0.4 * s
    p.horizontalScale = ParameterRange(1 - 0.25 * s, 1 + 0.4 * s)
    p.unevenInkProbability = 0.2 * s
    p.unevenInk = ParameterRange(0.1, 0.65 * s)
    p.tightFrameProbability = 0.1 + 0.15 * s
    p.fieldGapProbability = 0.1 + 0.1 * s
    p.neighbourLineProbability = 0.05 + 0.1 * s
    p.cameraShakeProbability = 0.12 * s
    p.cameraShake = ParameterRange(0.06, 0.1 + 0.15 * s)
    return p
  }

  /// Concrete settings for one line.
  func draw<G: RandomNumberGenerator>(using g: inout G) -> LineStyle {
    func maybe(_ probability: Double, _ range: ParameterRange) -> Double {
      Double.random(in: 0..<1, using: &g) < probability ? range.draw(using: &g) : 0
    }
    var style = LineStyle()
    style.fontSize = Int(fontSize.draw(using: &g).rounded())
    style.characterSpacing = characterSpacing.draw(using: &g)
    style.baselineJitter = baselineJitter.draw(using: &g)
    style.padding = (0..<4).map { _ in padding.draw(using: &g) }
    style.rotation = maybe(rotationProbability, rotation)
    style.shear = maybe(shearProbability, shear)
    style.perspective = maybe(perspectiveProbability, perspective)
    style.blurRadius = Int(maybe(blurProbability, blurRadius).rounded())
    style.noise = maybe(noiseProbability, noise)
    style.jpegQuality = Int(maybe(jpegProbability, jpegQuality).rounded())
    let total = backgroundWeights.reduce(0, +)
    var pick = Double.random(in: 0..<total, using: &g)
    style.background =
      BackgroundKind.allCases.first { kind in
        pick -= backgroundWeights[kind.rawValue]
        return pick < 0
      } ?? .flat
    style.contrast = contrast.draw(using: &g)
    style.inverted = Double.random(in: 0..<1, using: &g) < invertProbability
    style.underline = Double.random(in: 0..<1, using: &g) < ruleProbability
    style.overline = Double.random(in: 0..<1, using: &g) < ruleProbability / 2
    style.border = Double.random(in: 0..<1, using: &g) < borderProbability
    // Drawn last, so the draws above stay what they were before this augmentation existed.
    style.lowResolutionEm = Int(maybe(lowResolutionProbability, lowResolutionEm).rounded())
    let scale = maybe(horizontalScaleProbability, horizontalScale)
    style.horizontalScale = scale == 0 ? 1 : scale
    style.unevenInk = maybe(unevenInkProbability, unevenInk)
    style.tightFrame = Double.random(in: 0..<1, using: &g) < tightFrameProbability
    style.fieldGap = maybe(fieldGapProbability, fieldGap)
    if style.fieldGap > 0 { style.fieldGapPosition = Double.random(in: 0..<1, using: &g) }
    style.neighbourAbove = Double.random(in: 0..<1, using: &g) < neighbourLineProbability
    style.neighbourBelow = Double.random(in: 0..<1, using: &g) < neighbourLineProbability
    style.latinFace = Double.random(in: 0..<1, using: &g) < latinFaceProbability
    if style.lowResolutionEm > 0 {
      style.smoothEnlarging = Double.random(in: 0..<1, using: &g) < smoothEnlargingProbability
    }
    if punctuationProbability > 0, Double.random(in: 0..<1, using: &g) < punctuationProbability {
      let marks = Int.random(in: 1...2, using: &g)
      // At 10–20 px an em a bracket, slash or stop is a stroke or dot like part of a "1" or
      // a faint digit, so an unlabelled mark there says a digit-like stroke may be skipped
      // (stages trained with marks dropped digits of the ID-card crops; docs/training-stages.md).
      style.punctuationMarks = style.lowResolutionEm > 0 ? 0 : marks
    }
    let shake = maybe(cameraShakeProbability, cameraShake)
    if shake > 0 {
      style.cameraShake = CameraShake(length: shake, degrees: Double.random(in: 0..<180, using: &g))
    }
    // Only policies with faded bands draw here, so every other policy's lines stay as they were.
    if fadedBandProbability > 0, Double.random(in: 0..<1, using: &g) < fadedBandProbability {
      let count = Int.random(in: 1...max(1, maximumFadedBands), using: &g)
      style.fadedBands = (0..<count).map { _ in
        FadedBand(
          centre: Double.random(in: 0..<1, using: &g), width: fadedBandWidth.draw(using: &g),
          strength: fadedBandStrength.draw(using: &g))
      }
    }
    return style
  }
}

/// A line smeared along one direction, as a shaken camera leaves it.
public struct CameraShake: Sendable, Equatable, Codable {
  /// Length of the smear in ems.
  public var length: Double
  /// Its direction in degrees, counter-clockwise from the horizontal.
  public var degrees: Double
}

public enum BackgroundKind: Int, Sendable, CaseIterable, Codable {
  case flat, gradient, texture, photo
}

/// The settings one line was drawn with (every number inside its policy's range, or 0 when the
/// augmentation was not applied).
public struct LineStyle: Sendable, Equatable, Codable {
  public var fontSize = 32
  public var characterSpacing = 0.0
  public var baselineJitter = 0.0
  /// Left, right, top, bottom margins in ems.
  public var padding = [0.0, 0, 0, 0]
  public var rotation = 0.0
  public var shear = 0.0
  public var perspective = 0.0
  public var blurRadius = 0
  /// The camera-shake smear, or nil when the line has none (as in line descriptions written
  /// before it existed).
  public var cameraShake: CameraShake?
  public var noise = 0.0
  /// 0 when no JPEG round trip is applied.
  public var jpegQuality = 0
  public var background = BackgroundKind.flat
  public var contrast = 1.0
  public var inverted = false
  public var underline = false
  public var overline = false
  public var border = false
  /// Pixels per em the line was shrunk to before being scaled back up; 0 when it kept its
  /// resolution (or its characters were already that small).
  public var lowResolutionEm = 0
  /// Whether a low-resolution line is scaled back up by cubic convolution (as `Recognizer`
  /// enlarges small lines) rather than by area.
  public var smoothEnlarging = false
  /// How many unlabelled punctuation marks are drawn between the line's characters.
  public var punctuationMarks = 0
  /// Width multiplier of the drawn line (1: as drawn).
  public var horizontalScale = 1.0
  /// Largest share of contrast a character may lose (0: every character at full contrast).
  public var unevenInk = 0.0
  /// Stretches of faint print, or nil when the line has none (as in line descriptions written
  /// before they existed).
  public var fadedBands: [FadedBand]?
  /// The uneven light the finished line was shaded by (`SyntheticLineGenerator.Options
  /// .shadedShare`), or nil.
  public var shade: LineShade?
  /// Degrees the finished line was turned counter-clockwise (`SyntheticLineGenerator.Options
  /// .turn`), or nil.
  public var turn: Double?
  /// The colours of equal brightness the finished line was repainted in
  /// (`SyntheticLineGenerator.Options.colouredShare`), or nil for a grey line.
  public var colours: LineColours?
  /// Cropped to the ink above and below (top and bottom margins a tenth of the usual).
  public var tightFrame = false
  /// Ems of blank between two fields (0: none), and where it falls, as a share of the line.
  public var fieldGap = 0.0
  public var fieldGapPosition = 0.5
  /// Whether bits of a neighbouring line show in the top and bottom margins.
  public var neighbourAbove = false
  public var neighbourBelow = false
  /// Whether the line's ASCII characters come from a Latin face.
  public var latinFace = false

  /// The index of the character the field gap follows, or nil when a line of `count`
  /// characters has none (no gap drawn, or a single character).
  func fieldGapIndex(characterCount count: Int) -> Int? {
    guard fieldGap > 0, count >= 2 else { return nil }
    return min(count - 2, Int(fieldGapPosition * Double(count - 1)))
  }
}
