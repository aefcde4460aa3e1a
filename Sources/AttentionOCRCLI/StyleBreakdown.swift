// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import SyntheticData

/// `eval --by-style`: strict accuracy of synthetic lines split by how they were drawn, from the
/// NNNNNN.json that `synth --images --with-styles` writes beside each line. It shows which
/// augmentations and sizes a model misreads, and how much of its error each accounts for.
struct StyleBreakdown {
  struct Condition: Sendable {
    let name: String
    let holds: @Sendable (LineDescription, _ emPixels: Double) -> Bool
  }

  /// Conditions at or near each augmentation's hard end (docs/synthetic.md has the ranges).
  static let augmentations: [Condition] = [
    Condition(name: "tilted over 2°") { line, _ in abs(line.style.rotation) > 2 },
    Condition(name: "sheared over 0.15") { line, _ in abs(line.style.shear) > 0.15 },
    Condition(name: "perspective over 0.12") { line, _ in line.style.perspective > 0.12 },
    Condition(name: "box blur") { line, _ in line.style.blurRadius > 0 },
    Condition(name: "camera shake") { line, _ in line.style.cameraShake != nil },
    Condition(name: "noise σ over 0.05") { line, _ in line.style.noise > 0.05 },
    Condition(name: "JPEG quality under 50") { line, _ in (1..<50).contains(line.style.jpegQuality) },
    Condition(name: "low resolution") { line, _ in line.style.lowResolutionEm > 0 },
    Condition(name: "contrast under 0.6") { line, _ in line.style.contrast < 0.6 },
    Condition(name: "textured or photo ground") { line, _ in
      line.style.background == .texture || line.style.background == .photo
    },
    Condition(name: "uneven ink") { line, _ in line.style.unevenInk > 0 },
    Condition(name: "faded bands") { line, _ in line.style.fadedBands != nil },
    Condition(name: "shaded by uneven light") { line, _ in line.style.shade != nil },
    Condition(name: "turned after drawing") { line, _ in line.style.turn != nil },
    Condition(name: "in colours of equal brightness") { line, _ in line.style.colours != nil },
    Condition(name: "inverted") { line, _ in line.style.inverted },
    Condition(name: "rule or border") { line, _ in
      line.style.underline || line.style.overline || line.style.border
    },
    Condition(name: "bits of neighbouring lines") { line, _ in
      line.style.neighbourAbove || line.style.neighbourBelow
    },
    Condition(name: "field gap") { line, _ in line.style.fieldGap > 0 },
    Condition(name: "tight frame") { line, _ in line.style.tightFrame },
    Condition(name: "squeezed under 0.85") { line, _ in line.style.horizontalScale < 0.85 },
    Condition(name: "characters under 16 px") { _, em in em < 16 },
  ]

  /// Bins of the estimated em (character width) in pixels of the line as drawn.
  static let sizeBins: [(name: String, range: Range<Double>)] = [
    ("under 12 px", 0..<12), ("12–16 px", 12..<16), ("16–20 px", 16..<20), ("20–24 px", 20..<24),
    ("24 px and over", 24..<Double.infinity),
  ]

  private var with: [RecognitionMetrics] = Array(repeating: RecognitionMetrics(), count: augmentations.count)
  private var without: [RecognitionMetrics] = Array(
    repeating: RecognitionMetrics(), count: augmentations.count)
  private var bySize: [RecognitionMetrics] = Array(repeating: RecognitionMetrics(), count: sizeBins.count)
  private var byLevel: [Int: RecognitionMetrics] = [:]
  private(set) var described = 0

  /// The em of a horizontal line in pixels, estimated from its width: the text's ems (characters
  /// and their spacing, side margins, a field gap) across the image, undoing the stretch.
  static func estimatedEm(of line: LineDescription, imageWidth: Int) -> Double {
    let style = line.style
    let ems =
      Double(line.text.count) * (1 + style.characterSpacing) + style.padding[0] + style.padding[1]
      + style.fieldGap
    return Double(imageWidth) / max(ems, 0.5) / style.horizontalScale
  }

  mutating func add(_ line: LineDescription, imageWidth: Int, predicted: [Int], truth: [Int]) {
    let em = Self.estimatedEm(of: line, imageWidth: imageWidth)
    for (index, condition) in Self.augmentations.enumerated() {
      if condition.holds(line, em) {
        with[index].update(predicted: predicted, truth: truth)
      } else {
        without[index].update(predicted: predicted, truth: truth)
      }
    }
    if let bin = Self.sizeBins.firstIndex(where: { $0.range.contains(em) }) {
      bySize[bin].update(predicted: predicted, truth: truth)
    }
    byLevel[line.level, default: RecognitionMetrics()].update(predicted: predicted, truth: truth)
    described += 1
  }

  /// The tables `eval` prints.
  func report() -> String {
    let errors = Double(max(1, byLevel.values.reduce(0) { $0 + $1.total.editDistance }))
    func row(_ name: String, _ counts: RecognitionMetrics.Counts, _ other: RecognitionMetrics.Counts? = nil)
      -> String
    {
      var text =
        "  " + name.padding(toLength: 28, withPad: " ", startingAt: 0)
        + String(
          format: "%6d lines  %6.2f%%  %6.2f%%", counts.examples, 100 * counts.strictCharacterAccuracy,
          100 * counts.strictSequenceAccuracy)
      if let other {
        text += String(format: "  %6.2f%%", 100 * other.strictCharacterAccuracy)
      }
      return text + String(format: "  %5.1f%%", 100 * Double(counts.editDistance) / errors)
    }
    var lines = [
      "by how the \(described) lines were drawn (strict character / sequence; characters without it; share of errors):"
    ]
    for (index, condition) in Self.augmentations.enumerated() where with[index].total.examples > 0 {
      lines.append(row(condition.name, with[index].total, without[index].total))
    }
    lines.append(
      "by character size, the em estimated from the width (strict character / sequence; share of errors):")
    for (index, bin) in Self.sizeBins.enumerated() where bySize[index].total.examples > 0 {
      lines.append(row(bin.name, bySize[index].total))
    }
    lines.append("by curriculum level (strict character / sequence; share of errors):")
    for (level, metrics) in byLevel.sorted(by: { $0.key < $1.key }) {
      lines.append(row("level \(level)", metrics.total))
    }
    return lines.joined(separator: "\n")
  }
}
