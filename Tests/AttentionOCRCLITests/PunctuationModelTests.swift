// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import TestScratch
import Testing

/// models/compact-punct, the model that reads punctuation, on samples/punctuated.
@Suite(.serialized) struct PunctuationModelTests {
  static let samples = "\(RecognizeCommandTests.root)/samples/punctuated"
  static let model = "\(RecognizeCommandTests.root)/models/compact-punct"

  func samplesAndTruths() throws -> (images: [String], truths: [String]) {
    let images = try FileManager.default.contentsOfDirectory(atPath: Self.samples)
      .filter { $0.hasSuffix(".png") }.sorted().map { "\(Self.samples)/\($0)" }
    let truths = try images.map {
      try String(contentsOfFile: $0.replacingOccurrences(of: ".png", with: ".txt"), encoding: .utf8)
    }
    return (images, truths)
  }

  /// It reads every punctuated sample exactly, marks included; named by its shipped name, as a
  /// user outside the repository would.
  @Test func readsEveryPunctuatedSample() throws {
    let (images, truths) = try samplesAndTruths()
    try #require(images.count >= 8 && truths.allSatisfy { $0.contains(where: Punctuation.contains) })
    for (reading, truth) in zip(
      try ChangedSamples.readings(of: images, ["--model", "compact-punct"]), truths)
    {
      #expect(reading.text == truth)
    }
  }

  /// The default model has no classes for marks: read alone, it never writes one, and so
  /// reads none of these lines exactly.
  @Test func theDefaultModelAloneCannotWriteMarks() throws {
    let (images, truths) = try samplesAndTruths()
    let readings = try ChangedSamples.readings(of: images, ["--no-punctuation-model"])
    #expect(!readings.contains { $0.text.contains(where: Punctuation.contains) })
    #expect(!zip(readings, truths).contains { $0.0.text == $0.1 })
  }

  /// By default it reads with compact-punct beside it, marks included; so does its folder
  /// named by path. Widths are folded: the companion reads one way, and may write a colon
  /// full-width where the truth has it ASCII.
  @Test func theDefaultReadingWritesMarks() throws {
    let (images, truths) = try samplesAndTruths()
    let folded = { (text: String) in String(text.map { $0.asciiForFullWidthForm ?? $0 }) }
    let readings = try ChangedSamples.readings(of: images)
    #expect(readings.map { folded($0.text) } == truths.map(folded))
    let byPath = try ChangedSamples.readings(
      of: images, ["--model", "\(RecognizeCommandTests.root)/models/compact"])
    #expect(byPath == readings)
  }

  /// `--format json` says which model's reading was kept: the companion's for a line with a
  /// mark, and by default for a plain line it is sure of, which the main model then does not
  /// read; with `--read-every-way` the main model's for the plain line.
  @Test func jsonSaysWhichModelWasKept() throws {
    let withMark = "\(Self.samples)/000013.png"
    let plain = "\(RecognizeCommandTests.root)/samples/000000.png"
    func kept(_ flags: [String]) throws -> [Bool] {
      let run = try RecognizeCommandTests().attentionOCR(
        ["recognize", "--format", "json", withMark, plain] + flags)
      #expect(run.status == 0, "\(run.errors)")
      return run.output.split(separator: "\n").map { $0.contains("\"punctuation_model\":true") }
    }
    #expect(try kept([]) == [true, true])
    #expect(try kept(["--read-every-way"]) == [true, false])
  }

  /// `bench model` times the default pair beside the same pair reading every line every way,
  /// and says how many lines the main model read.
  @Test func theBenchTimesTheSparedAndTheFullReading() throws {
    let bench = try RecognizeCommandTests().attentionOCR([
      "bench", "model", "--configs", "compact", "--steps", "1", "--lines", "2", "--batch", "2",
      "--swift-only", "--threads", "1",
    ])
    #expect(bench.status == 0, "\(bench.errors)")
    #expect(bench.output.contains("with marks, every line every way, batches of 2"), "\(bench.output)")
    #expect(bench.output.contains("the main model read 2 of 2 lines"), "\(bench.output)")
    #expect(bench.output.contains("every-line/default time:"), "\(bench.output)")
  }

  /// A punctuation model must add marks to the main model's dictionary, and the two flags
  /// exclude each other.
  @Test func aPunctuationModelWithoutMarksIsRefused() throws {
    let line = "\(Self.samples)/000013.png"
    let same = try RecognizeCommandTests().attentionOCR(["recognize", line, "--punctuation-model", "compact"])
    #expect(same.status != 0 && same.errors.contains("adds no characters"), "\(same.errors)")
    let both = try RecognizeCommandTests().attentionOCR([
      "recognize", line, "--punctuation-model", "compact-punct", "--no-punctuation-model",
    ])
    #expect(both.status != 0 && both.errors.contains("either --punctuation-model or --no-punctuation-model"))
  }

  /// `eval --ignore-punctuation` leaves marks out of truth and reading: the default model
  /// alone, which reads none of these lines exactly with their marks, then reads some whole and
  /// scores higher, and this model reads all of them either way.
  @Test func evalCanLeavePunctuationOut() throws {
    let images = ["--images", Self.samples]
    let alone = images + ["--no-punctuation-model"]
    let withMarks = try ShippedModelTests.strictAccuracy(alone)
    let withoutMarks = try ShippedModelTests.strictAccuracy(alone + ["--ignore-punctuation"])
    #expect(withMarks.lines == 0 && withoutMarks.lines > 0)
    #expect(withoutMarks.characters > withMarks.characters)
    #expect(try ShippedModelTests.strictAccuracy(images + ["--model", Self.model]) == (100, 100))
    #expect(
      try ShippedModelTests.strictAccuracy(images + ["--model", Self.model, "--ignore-punctuation"]) == (
        100, 100
      ))
  }

  /// `eval --fold-width` compares full-width forms as their ASCII ones: a truth written
  /// 卡号:Ｇ-９１９６８ matches the reading 卡号：G-91968 only with it.
  @Test func evalCanFoldWidths() throws {
    let folder = Scratch.folder("fold-width")
    try FileManager.default.copyItem(atPath: "\(Self.samples)/000013.png", toPath: "\(folder)/000013.png")
    try "卡号:Ｇ-９１９６８".write(toFile: "\(folder)/000013.txt", atomically: true, encoding: .utf8)
    let arguments = ["--images", folder, "--model", Self.model]
    #expect(try ShippedModelTests.strictAccuracy(arguments).lines == 0)
    #expect(try ShippedModelTests.strictAccuracy(arguments + ["--fold-width"]) == (100, 100))
  }

  /// Fine-tuning it (one step here), named by its shipped name, keeps its dictionary without
  /// --dictionary.
  @Test func itFineTunesWithItsOwnDictionary() throws {
    let run = Scratch.path("tune-punct")
    let result = try RecognizeCommandTests().attentionOCR([
      "train", "--run", run, "--init-from", "compact-punct", "--steps", "1", "--batch-size", "2",
      "--validation-size", "2", "--validate-every", "1", "--checkpoint-every", "1", "--threads", "1",
      "--render-threads", "1",
    ])
    #expect(result.status == 0, "\(result.errors)")
    let dictionary = try Charset(contentsOf: "\(run)/checkpoints/step-000000001/dictionary.txt")
    #expect(dictionary.fingerprint == (try Charset(contentsOf: "\(Self.model)/dictionary.txt")).fingerprint)
  }
}
