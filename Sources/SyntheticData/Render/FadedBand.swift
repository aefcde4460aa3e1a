// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A stretch of a line where the print is faint from top to bottom: a worn card, a thermal
/// receipt fading in patches, a ribbon running dry. Unlike uneven ink, which fades whole
/// characters, a band's soft edges can fall inside a character, leaving half of it faint
/// (as in the ID-card crops of d2).
public struct FadedBand: Sendable, Equatable, Codable {
  /// Where the band's middle falls, as a share of the text's width (0: its left end).
  public var centre: Double
  /// Width of the fully faded core, in ems; each edge ramps over a further quarter em.
  public var width: Double
  /// Share of the ink's contrast lost in the core (1: the ink vanishes there).
  public var strength: Double

  public init(centre: Double, width: Double, strength: Double) {
    self.centre = centre
    self.width = width
    self.strength = strength
  }

  /// The share of its ink each column of a canvas `canvasWidth` pixels wide keeps, for text
  /// spanning `textWidth` pixels from column `textStart` at `em` pixels an em: 1 outside
  /// every band; overlapping bands multiply.
  static func inkKept(
    by bands: [FadedBand], canvasWidth: Int, textStart: Int, textWidth: Int, em: Double
  ) -> [Float] {
    var kept = [Float](repeating: 1, count: canvasWidth)
    let ramp = max(1, em / 4)
    for band in bands {
      let middle = Double(textStart) + band.centre * Double(textWidth)
      let halfCore = band.width * em / 2
      let first = max(0, Int((middle - halfCore - ramp).rounded(.down)))
      let last = min(canvasWidth - 1, Int((middle + halfCore + ramp).rounded(.up)))
      guard first <= last else { continue }
      for x in first...last {
        let outside = max(0, abs(Double(x) + 0.5 - middle) - halfCore)
        // Raised cosine from the core's full fade down to none, a ramp's width further out.
        let depth = outside >= ramp ? 0 : (1 + cos(Double.pi * outside / ramp)) / 2
        kept[x] *= Float(1 - band.strength * depth)
      }
    }
    return kept
  }
}
