// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import OCRData
import Testing

@testable import OCRModel

/// The shipped default pair: `compact` reads, `compact-punct` beside it supplies the marks.
@Suite(.serialized) struct PunctuatingRecognizerTests {
  static let root = CompactModelTests.root

  static func labelledLines(in folder: String, suffix: String) throws -> [(image: Image, truth: String)] {
    try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(suffix) }.sorted().map {
      let path = "\(folder)/\($0)"
      let truth = try String(
        contentsOfFile: (path as NSString).deletingPathExtension + ".txt", encoding: .utf8)
      return (try Image(contentsOf: path), truth.trimmingCharacters(in: .whitespacesAndNewlines))
    }
  }

  /// A reading of `text` at `confidence`, each character at 0.9, for the rules that pick one.
  static func reading(_ text: String, _ confidence: Float) -> RecognizedText {
    RecognizedText(
      text: text, confidence: confidence, characters: text.map { (String($0), Float(0.9)) },
      attention: [], input: Image(width: 8, height: 32, channels: 1, value: 255))
  }

  /// Full-width marks as their ASCII forms, where a reading and its truth may differ in width.
  static func foldedWidths(_ text: String) -> String {
    String(text.map { $0.asciiForFullWidthForm ?? $0 })
  }

  /// Every punctuated sample reads with its marks (widths folded: the companion reads one way
  /// and may write a colon full-width where the truth has it ASCII), and the plain samples read
  /// exactly, as the main model alone reads them.
  @Test func theShippedPairReadsMarksAndPlainLines() throws {
    let pair = try PunctuatingRecognizer(shipped: .compact)
    let punctuated = try Self.labelledLines(in: "\(Self.root)/samples/punctuated", suffix: ".png")
    try #require(punctuated.count >= 8)
    let readings = try pair.recognize(punctuated.map(\.image))
    for (reading, line) in zip(readings, punctuated) {
      #expect(Self.foldedWidths(reading.text) == Self.foldedWidths(line.truth))
    }
    #expect(pair.keptCompanionReadings == punctuated.count)
    // Reading the main model only where the companion is not sure already changes no reading.
    let eachAlone = zip(
      try pair.main.uncalibratedReadings(punctuated.map(\.image)),
      try pair.companion.uncalibratedReadings(punctuated.map(\.image)))
    #expect(readings.map(\.text) == eachAlone.map { pair.keptReading(main: $0, companion: $1).text })
    let plain = try Self.labelledLines(in: "\(Self.root)/samples", suffix: ".png")
    #expect(try pair.recognize(plain.map(\.image)).map(\.text) == plain.map(\.truth))
    #expect(pair.keptCompanionReadings == punctuated.count, "a plain sample took the companion's reading")
  }

  /// The ID-card crops hold no marks; the companion reads dots and strokes into some of their
  /// faded digits, and the pair keeps the main model's readings of all 16.
  @Test func idCardCropsReadAsTheMainModelReadsThem() throws {
    let pair = try PunctuatingRecognizer(shipped: .compact)
    let crops = try Self.labelledLines(
      in: "\(Self.root)/Tests/Fixtures/fsns-tfrecord-generate/d2", suffix: ".jpg")
    try #require(crops.count == 16)
    let images = crops.map(\.image)
    let companionMarks = try pair.companion.recognize(images).filter {
      $0.characters.contains { pair.marks.contains($0.character) }
    }
    #expect(!companionMarks.isEmpty, "the companion alone writes no marks into these crops")
    #expect(try pair.recognize(images).map(\.text) == pair.main.recognize(images).map(\.text))
  }

  /// A companion reading is kept only when it holds a mark and its confidence is more than
  /// `companionConfidenceShare` of the main reading's.
  @Test func theCompanionIsKeptForMarksReadConfidently() throws {
    let pair = try PunctuatingRecognizer(shipped: .compact)
    let reading = Self.reading
    let kept = { (main: RecognizedText, companion: RecognizedText) in
      pair.keptReading(main: main, companion: companion).text
    }
    #expect(kept(reading("卡号1", 0.9), reading("卡号：", 0.5)) == "卡号：")
    #expect(
      pair.keptReading(main: reading("卡号1", 0.9), companion: reading("卡号：", 0.5)).isPunctuationModelReading)
    #expect(
      !pair.keptReading(main: reading("卡号1", 0.9), companion: reading("卡号：", 0.4)).isPunctuationModelReading)
    #expect(kept(reading("卡号1", 0.9), reading("卡号：", 0.4)) == "卡号1")
    #expect(kept(reading("卡号", 0.2), reading("卡号", 0.9)) == "卡号", "no mark: the main reading")
    #expect(pair.keptReading(main: nil, companion: reading("卡号：", 0.6)).isPunctuationModelReading)
    pair.companionConfidenceShare = 0.25
    #expect(kept(reading("卡号1", 0.9), reading("卡号：", 0.4)) == "卡号：")
  }

  /// Where the companion reads no mark and is sure, the main model does not read the line, and
  /// the readings are those of the pair with the main model reading every such line.
  @Test func theMainModelSkipsLinesTheCompanionIsSureOf() throws {
    let pair = try PunctuatingRecognizer(shipped: .compact)
    let plain = try Self.labelledLines(in: "\(Self.root)/samples", suffix: ".png").map(\.image)
    try #require(plain.count >= 8)
    let shortened = try pair.recognize(plain)
    let skipped = plain.count - pair.mainModelReadings
    #expect(skipped > 0, "the companion decided no sample line alone")
    pair.companionAloneFrom = nil
    let before = pair.mainModelReadings
    let full = try pair.recognize(plain)
    #expect(pair.mainModelReadings - before == plain.count)
    #expect(shortened.map(\.text) == full.map(\.text))
    let decidedAlone = shortened.filter { $0.isPunctuationModelReading }
    #expect(decidedAlone.count == skipped)
    #expect(decidedAlone.allSatisfy { $0.confidence >= pair.companion.lineCalibration(0.9) })
  }

  /// The pair chooses on the models' products of character probabilities, then maps each kept
  /// reading by the line calibration of the model that read it: the maps change no reading.
  @Test func eachKeptReadingIsCalibratedByTheModelThatReadIt() throws {
    let pair = try PunctuatingRecognizer(shipped: .compact)
    let images =
      try Self.labelledLines(in: "\(Self.root)/samples/punctuated", suffix: ".png").map(\.image)
      + Self.labelledLines(in: "\(Self.root)/samples", suffix: ".png").map(\.image)
    pair.main.lineCalibration = .identity
    pair.companion.lineCalibration = .identity
    let products = try pair.recognize(images)
    pair.main.lineCalibration = LineConfidenceCalibration(shift: 1, scale: 1.5)
    pair.companion.lineCalibration = LineConfidenceCalibration(shift: -0.5, scale: 0.8)
    let mapped = try pair.recognize(images)
    #expect(mapped.map(\.text) == products.map(\.text))
    #expect(Set(products.map(\.isPunctuationModelReading)) == [true, false], "one model read every line")
    for (reading, product) in zip(mapped, products) {
      let model = product.isPunctuationModelReading ? pair.companion : pair.main
      #expect(reading.isPunctuationModelReading == product.isPunctuationModelReading)
      #expect(abs(reading.confidence - model.lineCalibration(product.confidence)) < 1e-6)
    }
  }

  /// The companion decides a line alone when it reads a mark that no main reading could
  /// outweigh, or no mark with `companionAloneFrom` confidence.
  @Test func theCompanionDecidesAloneOnlyWhenSure() throws {
    let pair = try PunctuatingRecognizer(shipped: .compact)
    let reading = Self.reading
    #expect(pair.decidesAlone(reading("卡号", 0.95)))
    #expect(!pair.decidesAlone(reading("卡号", 0.85)))
    #expect(pair.decidesAlone(reading("卡号：", 0.6)))
    #expect(!pair.decidesAlone(reading("卡号：", 0.4)))
    pair.companionAloneFrom = nil
    #expect(!pair.decidesAlone(reading("卡号", 0.99)))
    #expect(pair.decidesAlone(reading("卡号：", 0.6)))
  }

  /// The companion must hold every character of the main model's dictionary and add some.
  @Test func aCompanionWithoutMarksIsRefused() throws {
    let compact = try Recognizer(shipped: .compact)
    let punct = try Recognizer(shipped: .compactPunct)
    #expect(throws: RecognizerError.self) { try PunctuatingRecognizer(main: compact, companion: compact) }
    #expect(throws: RecognizerError.self) { try PunctuatingRecognizer(main: punct, companion: compact) }
    do {
      _ = try PunctuatingRecognizer(main: punct, companion: compact)
    } catch {
      #expect("\(error)".contains("lacks 24 of the main model's characters"))
    }
  }
}
