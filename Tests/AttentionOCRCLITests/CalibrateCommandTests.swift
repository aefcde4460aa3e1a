// SPDX-License-Identifier: Apache-2.0
import Foundation
import TestScratch
import Testing

@Suite(.serialized) struct CalibrateCommandTests {
  let cli = RecognizeCommandTests()

  /// A TSV of `count` d2 crops labelled with short texts over the tiny model's a, b, c.
  func labelledLines(_ count: Int) throws -> String {
    let folder = "\(RecognizeCommandTests.root)/Tests/Fixtures/fsns-tfrecord-generate/d2"
    let images = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jpg") }
      .sorted()
    let texts = ["a", "ab", "cab", "bc", "ca"]
    let rows = (0..<count).map { "\(folder)/\(images[$0 % images.count])\t\(texts[$0 % texts.count])" }
    let path = Scratch.path("calibrate") + ".tsv"
    try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func writesTheFittedTemperatureIntoTheModel() throws {
    let model = try cli.modelFolder()
    let run = try cli.attentionOCR(["calibrate", "--model", model, "--images", labelledLines(40), "--write"])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("40 lines ("))
    let manifest =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: "\(model)/checkpoint.json"))) as? [String: Any]
    let saved = try #require((manifest?["extra"] as? [String: Any])?["temperature"] as? String)
    #expect((Double(saved) ?? 0) > 0)
    #expect(run.output.contains("temperature \(saved)"))
    let extra = try #require(manifest?["extra"] as? [String: Any])
    let scale = try #require((extra["lineConfidenceScale"] as? String).flatMap(Double.init))
    #expect(scale > 0 && (extra["lineConfidenceShift"] as? String).flatMap(Double.init) != nil)
    #expect(run.output.contains("line map shift"))
    // The model still opens, with its other settings untouched.
    #expect(try cli.attentionOCR(["recognize", "--model", model, RecognizeCommandTests.image]).status == 0)
  }

  /// --keep-temperature fits the line map alone, on the temperature the model has.
  @Test func keepTemperatureFitsTheLineMapAlone() throws {
    let model = try cli.modelFolder()
    let lines = try labelledLines(40)
    let first = try cli.attentionOCR(["calibrate", "--model", model, "--images", lines, "--write"])
    #expect(first.status == 0, "\(first.errors)")
    let manifest = { () throws -> String in
      try String(contentsOfFile: "\(model)/checkpoint.json", encoding: .utf8)
    }
    let temperature = try #require(try manifest().firstMatch(of: /"temperature" : "[0-9.]+"/)).output
    let again = try cli.attentionOCR(
      ["calibrate", "--model", model, "--images", lines, "--keep-temperature", "--variants", "1", "--write"])
    #expect(again.status == 0, "\(again.errors)")
    #expect(try manifest().contains(temperature) && manifest().contains("lineConfidenceShift"))
  }

  @Test func tooFewLinesIsAClearError() throws {
    let lines = try labelledLines(5)
    let run = try cli.attentionOCR(["calibrate", "--model", cli.modelFolder(), "--images", lines])
    #expect(run.status != 0)
    #expect(run.errors.contains(lines) && run.errors.contains("at least 20"))
  }
}
