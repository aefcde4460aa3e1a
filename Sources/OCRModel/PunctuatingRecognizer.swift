// SPDX-License-Identifier: Apache-2.0
import OCRCore
import OCRData

/// Reads lines with a model whose dictionary has no punctuation, and beside it with a companion
/// whose dictionary adds marks; a line's reading is the companion's where that holds a mark and
/// is confident enough, else the main model's.
///
/// The shipped default reads so (`compact` with `compact-punct`): the main model reads faint
/// and broken digits better, and the companion is the only one that can write a colon, a comma
/// or a bracket. Each model alone is weak where the other is strong: `compact-punct` reads a
/// faded digit of an ID number as a dot or a stroke, and `compact` reads a colon as "1" and ¥
/// as 羊 (docs/models.md, "Punctuation").
///
/// ```swift
/// let recognizer = try PunctuatingRecognizer(
///   main: Recognizer(modelDirectory: "models/compact"),
///   companion: Recognizer(modelDirectory: "models/compact-punct"))
/// print(try recognizer.recognize(Image(contentsOf: "ticket-line.png")).text)
/// ```
public final class PunctuatingRecognizer: LineRecognizing {
  public let main: Recognizer
  public let companion: Recognizer
  /// The companion's reading holding a mark is kept when its confidence is more than this share
  /// of the main reading's. Both are products of temperature-calibrated character
  /// probabilities; each model's line calibration maps its readings after the choice. 0.5 was
  /// chosen on lines of their own (300 ID lines, 600 lines with marks, 1,200 level-2 lines;
  /// docs/models.md) among 4, 2, 1, 0.5, 0.25, 0.1 and 0: the lines with marks gain most up to
  /// it, the others lose little.
  public var companionConfidenceShare: Float = 0.5
  /// A companion reading without marks is kept, and the main model does not read the line, when
  /// it is at least this confident (nil: the main model reads every line without marks). The
  /// two models are one model before and after learning marks, so where the companion is sure
  /// of a line without marks the main model reads it the same: at 0.9, 7,316 held-out lines
  /// (docs/models.md) read two ways read exactly as with both models reading (three ways, within
  /// a line a set), and the main model read 53 % of the 2,000-line set instead of all of it.
  public var companionAloneFrom: Float? = 0.9

  /// How many lines so far were given the companion's reading for its marks.
  public private(set) var keptCompanionReadings = 0
  /// How many lines so far the main model read (the companion reads every line).
  public private(set) var mainModelReadings = 0

  /// Characters of the companion's dictionary that the main one lacks: the marks.
  let marks: Set<String>

  /// The companion reads each line one way (`ReadingVariant.asPrepared`), whatever the main
  /// model's `readingVariants`: it only has to say where the marks are, and a second way
  /// would cost a third reading.
  public init(main: Recognizer, companion: Recognizer) throws {
    let missing = main.charset.characters.indices.filter {
      $0 != main.charset.nullID && companion.charset.ids[main.charset.characters[$0]] == nil
    }
    guard missing.isEmpty else {
      let some = missing.prefix(5).map { main.charset.characters[$0] }.joined(separator: " ")
      throw RecognizerError(
        "the punctuation model's dictionary lacks \(missing.count) of the main model's characters (\(some)); it must hold all of them and add the marks"
      )
    }
    let marks = Set(companion.charset.characters.filter { main.charset.ids[$0] == nil })
      .subtracting([companion.charset.characters[companion.charset.nullID]])
    guard !marks.isEmpty else {
      throw RecognizerError(
        "the punctuation model's dictionary adds no characters to the main model's, so it has no marks to read"
      )
    }
    self.main = main
    self.companion = companion
    self.marks = marks
    companion.readingVariants = 1
  }

  /// The companion's dictionary: it holds every character either model writes.
  public var charset: Charset { companion.charset }
  public var imageChannels: Int { max(main.imageChannels, companion.imageChannels) }

  /// The companion reads first: where it reads a mark with more than `companionConfidenceShare`
  /// confidence, no main reading (at most 1) could outweigh it, and where it reads no mark at
  /// `companionAloneFrom` or more, the main model would read the same; the main model reads
  /// only the other lines.
  public func recognize(_ images: [Image]) throws -> [RecognizedText] {
    let companionReadings = try companion.uncalibratedReadings(images)
    let undecided = companionReadings.indices.filter { !decidesAlone(companionReadings[$0]) }
    let mainReadings = undecided.isEmpty ? [] : try main.uncalibratedReadings(undecided.map { images[$0] })
    var mainReadingOf: [Int: RecognizedText] = [:]
    for (index, reading) in zip(undecided, mainReadings) { mainReadingOf[index] = reading }
    let kept = companionReadings.indices.map {
      keptReading(main: mainReadingOf[$0], companion: companionReadings[$0])
    }
    keptCompanionReadings += kept.filter { $0.isPunctuationModelReading && holdsMark($0) }.count
    mainModelReadings += undecided.count
    return kept.map { $0.isPunctuationModelReading ? companion.calibrated($0) : main.calibrated($0) }
  }

  /// The companion's reading where it holds a mark and is confident enough, else the main one.
  /// `main` is nil where the companion's reading decides the line alone (`decidesAlone`).
  func keptReading(main: RecognizedText?, companion: RecognizedText) -> RecognizedText {
    if let main, !keepsCompanion(companion, against: main.confidence) { return main }
    var kept = companion
    kept.isPunctuationModelReading = true
    return kept
  }

  /// Whether the companion's reading wins against a main reading of `mainConfidence`; by
  /// default against the most confident main reading there can be.
  func keepsCompanion(_ companion: RecognizedText, against mainConfidence: Float = 1) -> Bool {
    holdsMark(companion) && companion.confidence > companionConfidenceShare * mainConfidence
  }

  /// Whether the companion's reading is kept without the main model reading the line: it
  /// holds a mark that no main reading could outweigh, or no mark and `companionAloneFrom`
  /// confidence.
  func decidesAlone(_ companion: RecognizedText) -> Bool {
    if holdsMark(companion) { return keepsCompanion(companion) }
    guard let companionAloneFrom else { return false }
    return companion.confidence >= companionAloneFrom
  }

  func holdsMark(_ reading: RecognizedText) -> Bool {
    reading.characters.contains { marks.contains($0.character) }
  }
}
