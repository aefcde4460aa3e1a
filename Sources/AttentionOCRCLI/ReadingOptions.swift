// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import OCRData
import OCRModel

/// How lines are read (input preparation and decoding): shared by every command that reads.
struct ReadingOptions: ParsableArguments {
  @Option(help: "Beam width of the decoder (1: greedy).")
  var beam: Int = 1

  @Option(
    help:
      "Ways to read each line, keeping the most confident reading (1: as prepared; 2: also with its text smaller; 3, the default: also larger; 4: also wider); each way costs a reading."
  )
  var variants: Int?

  @Flag(
    help: ArgumentHelp(
      "Read every line all --variants ways, and beside a punctuation model with the main model too, even where the first reading is sure.",
      discussion:
        "By default a line whose first reading is at 0.95 or more is not read the other ways, and the main model does not read a line its punctuation model reads no mark in at 0.9 or more: held-out sets read the same either way, or differ by a line."
    ))
  var readEveryWay = false

  @Flag(help: "Read each whole image, without cropping wide margins around its text first.")
  var keepMargins = false

  @Flag(help: "Read long lines whole instead of in pieces cut at gaps between characters.")
  var wholeLines = false

  @Flag(
    help:
      "Turn colour images grey by brightness alone, even where text differs from its ground mostly in colour."
  )
  var lumaOnly = false

  @Flag(help: "Read light text on a dark ground as it is, without inverting it to dark on light first.")
  var keepPolarity = false

  @Flag(help: "Read lines as they are lit, without taking out a shadow or uneven lighting first.")
  var keepLighting = false

  @Flag(help: "Read faint lines with the contrast they have, without spreading their greys first.")
  var keepContrast = false

  @Flag(help: "Read tilted lines as they are, without turning their text level first.")
  var keepTilt = false

  @Flag(
    help:
      "Read each line only the right way up, without trying a doubtful one turned half round (as a line cropped upside down would be)."
  )
  var uprightOnly = false

  @Option(
    help:
      "Which way lines run: auto (vertical when the text is a tall column of characters), horizontal or vertical."
  )
  var layout: LineLayout = .auto

  /// Applies the options to `recognizer`; only the compact model has a beam decoder, reading
  /// variants, a margin trim, colour, polarity, contrast, tilt, upside-down and vertical lines.
  func apply(to recognizer: any LineRecognizing) throws {
    guard beam >= 1 else { throw ValidationError("--beam must be at least 1") }
    guard (1...ReadingVariant.allCases.count).contains(variants ?? 1) else {
      throw ValidationError("--variants must be 1 to \(ReadingVariant.allCases.count)")
    }
    guard let compact = recognizer as? Recognizer else {
      guard beam == 1 else {
        throw ValidationError("--beam: the fsns model decodes greedily, as upstream's does")
      }
      guard (variants ?? 1) == 1 else {
        throw ValidationError("--variants: the fsns model reads each sign once")
      }
      guard layout != .vertical else {
        throw ValidationError("--layout vertical: the fsns model reads signs")
      }
      return
    }
    compact.beamWidth = beam
    compact.readingVariants = variants ?? compact.readingVariants
    if readEveryWay { compact.otherWaysBelow = nil }
    compact.trimsMargins = !keepMargins
    compact.layout = layout
    compact.splitsLongLines = !wholeLines
    compact.keepsColourContrast = !lumaOnly
    compact.normalizesPolarity = !keepPolarity
    compact.evensLighting = !keepLighting
    compact.stretchesContrast = !keepContrast
    compact.levelsTiltedLines = !keepTilt
    compact.turnsUpsideDownLines = !uprightOnly
  }

  /// Applies the options that concern a main model and its punctuation companion together
  /// (each model has had `apply(to:)` already).
  func apply(to pair: PunctuatingRecognizer) {
    if readEveryWay { pair.companionAloneFrom = nil }
  }
}

extension LineLayout: ExpressibleByArgument {}
