// SPDX-License-Identifier: Apache-2.0
import Foundation
import TestScratch
import Testing

@Suite(.serialized) struct TrainCommandTests {
  /// The `config` a checkpoint of `run` at `step` was saved with.
  static func savedConfig(_ run: String, step: Int) throws -> [String: Any] {
    let data = try Data(
      contentsOf: URL(
        fileURLWithPath: "\(run)/checkpoints/\(String(format: "step-%09d", step))/checkpoint.json"))
    let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return try #require(manifest["config"] as? [String: Any])
  }

  /// `train --resume` with only `--steps` goes on with the run's own seed, batch size and
  /// curriculum, not the defaults; an option given again changes its setting.
  @Test func resumingKeepsTheRunsSettings() throws {
    let run = Scratch.path("train-resume")
    let cli = RecognizeCommandTests()
    let first = try cli.attentionOCR([
      "train", "--run", run, "--steps", "1", "--batch-size", "2", "--seed", "7", "--curriculum", "0:1",
      "--validation-size", "2", "--validate-every", "1", "--checkpoint-every", "1", "--threads", "1",
    ])
    #expect(first.status == 0, "\(first.errors)")
    let second = try cli.attentionOCR(["train", "--run", run, "--resume", "--steps", "2", "--threads", "1"])
    #expect(second.status == 0, "\(second.errors)")
    #expect(second.output.contains("2 steps of 2, seed 7"), "\(second.output)")
    let saved = try Self.savedConfig(run, step: 2)
    #expect(saved["seed"] as? Int == 7)
    #expect(saved["batchSize"] as? Int == 2)
    #expect(saved["steps"] as? Int == 2)
    let curriculum = try #require(saved["curriculum"] as? [[String: Any]])
    #expect(curriculum.count == 1 && curriculum[0]["levels"] as? [Int] == [1])
  }

  /// `train --fonts DIR` draws its lines from the faces in DIR alone: here one training face
  /// and one held-out face, as a cut-down copy for another machine would hold.
  @Test func drawsFromTheFontFoldersGiven() throws {
    let fonts = try SynthCommandTests.twoFaceFontFolder("train-fonts")
    let run = try RecognizeCommandTests().attentionOCR([
      "train", "--run", Scratch.path("train-fonts-run"), "--fonts", fonts, "--steps", "1",
      "--batch-size", "2", "--validation-size", "2", "--threads", "1",
    ])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("validation fonts (never trained on): AR PL UMing CN\n"), "\(run.output)")
    #expect(run.output.contains("3 training fonts (and 0 Latin faces)"), "\(run.output)")
  }

  /// `train --channels` widens the conv layers of the model `--init-from` names: the run starts
  /// from its weights with the new widths and saves them; widths that are not six, or that a
  /// resumed run would change, are refused.
  @Test func widensATrainedModel() throws {
    let cli = RecognizeCommandTests()
    let narrow = Scratch.path("train-narrow")
    let common = ["--steps", "1", "--batch-size", "2", "--validation-size", "2", "--threads", "1"]
    let first = try cli.attentionOCR(["train", "--run", narrow] + common)
    #expect(first.status == 0, "\(first.errors)")
    let wide = Scratch.path("train-wide")
    let widened = try cli.attentionOCR(
      [
        "train", "--run", wide, "--init-from", "\(narrow)/checkpoints/step-000000001",
        "--channels", "16,32,64,128,192,256",
      ] + common)
    #expect(widened.status == 0, "\(widened.errors)")
    #expect(widened.output.contains("starting from the weights of"), "\(widened.output)")
    let model = try #require(try Self.savedConfig(wide, step: 1)["model"] as? [String: Any])
    #expect(model["channels"] as? [Int] == [16, 32, 64, 128, 192, 256])
    // The benchmark times the training step of the model it reads, not the default one.
    let bench = try cli.attentionOCR([
      "bench", "model", "--model", "\(wide)/checkpoints/step-000000001", "--configs", "compact",
      "--steps", "1", "--lines", "1", "--batch", "1", "--swift-only", "--no-punctuation-model",
      "--threads", "1",
    ])
    #expect(bench.status == 0, "\(bench.errors)")
    #expect(bench.output.contains("compact (channels 16,32,64,128,192,256,"), "\(bench.output)")

    let narrower = try cli.attentionOCR(
      ["train", "--run", Scratch.path("train-narrower"), "--init-from", "\(wide)/checkpoints/step-000000001"]
        + common)
    #expect(
      narrower.status != 0 && narrower.errors.contains("at least as wide as its [16, 32, 64, 128, 192, 256]"),
      "\(narrower.errors)")
    let five = try cli.attentionOCR([
      "train", "--run", Scratch.path("train-five"), "--channels", "16,32,64,96,128",
    ])
    #expect(five.status != 0 && five.errors.contains("six positive"), "\(five.errors)")
    let resumed = try cli.attentionOCR([
      "train", "--run", wide, "--resume", "--channels", "16,32,64,96,128,192",
    ])
    #expect(resumed.status != 0 && resumed.errors.contains("keeps its own"), "\(resumed.errors)")
  }
}
