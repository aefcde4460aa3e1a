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

  /// The default model has no classes for marks: it never writes one, and so reads none of
  /// these lines exactly.
  @Test func theDefaultModelCannotWriteMarks() throws {
    let (images, truths) = try samplesAndTruths()
    let readings = try ChangedSamples.readings(of: images)
    #expect(!readings.contains { $0.text.contains(where: Punctuation.contains) })
    #expect(!zip(readings, truths).contains { $0.0.text == $0.1 })
  }

  /// `eval --ignore-punctuation` leaves marks out of truth and reading: the default model
  /// then scores higher on these lines, and this model reads all of them either way.
  @Test func evalCanLeavePunctuationOut() throws {
    let images = ["--images", Self.samples]
    let withMarks = try ShippedModelTests.strictAccuracy(images)
    let withoutMarks = try ShippedModelTests.strictAccuracy(images + ["--ignore-punctuation"])
    #expect(withMarks.lines == 0 && withoutMarks.characters > withMarks.characters + 5)
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
