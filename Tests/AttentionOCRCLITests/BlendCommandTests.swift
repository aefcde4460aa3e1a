// SPDX-License-Identifier: Apache-2.0
import Foundation
import TestScratch
import Testing

@Suite(.serialized) struct BlendCommandTests {
  let cli = RecognizeCommandTests()

  /// A model blended with itself is the same model: it reads the samples as the shipped one,
  /// keeps its temperature, drops its line map (fitted to the readings of one model, not of
  /// a blend) and says what it was blended from.
  @Test func aModelBlendedWithItselfReadsTheSame() throws {
    let output = Scratch.path("blend-self")
    let blend = try cli.attentionOCR(["blend", "compact", "compact", "--share", "0.3", "-o", output])
    #expect(blend.status == 0, "\(blend.errors)")
    let manifest = try String(contentsOfFile: "\(output)/checkpoint.json", encoding: .utf8)
    let shippedManifest = try String(
      contentsOfFile: "\(RecognizeCommandTests.root)/models/compact/checkpoint.json", encoding: .utf8)
    let temperature = try #require(shippedManifest.firstMatch(of: /"temperature" : "[0-9.]+"/)).output
    #expect(manifest.contains("blended_from") && manifest.contains(temperature), "\(manifest)")
    #expect(shippedManifest.contains("lineConfidenceScale") && !manifest.contains("lineConfidence"))
    let samples = ["000000.png", "000003.png"].map { "\(RecognizeCommandTests.root)/samples/\($0)" }
    let options = ["--no-punctuation-model", "--variants", "1"]
    let shipped = try cli.attentionOCR(["recognize"] + options + samples)
    let blended = try cli.attentionOCR(["recognize", "--model", output] + options + samples)
    #expect(shipped.status == 0 && blended.status == 0, "\(blended.errors)")
    let texts = { (output: String) in
      output.split(separator: "\n").map { $0.split(separator: "\t").prefix(2) }
    }
    #expect(texts(blended.output) == texts(shipped.output) && !shipped.output.isEmpty)

    let again = try cli.attentionOCR(["blend", "compact", "compact", "-o", output])
    #expect(again.status != 0 && again.errors.contains("already exists"), "\(again.errors)")
  }

  /// Models of other dictionaries (and so other output layers) cannot be blended.
  @Test func modelsOfOtherDictionariesAreRefused() throws {
    let output = Scratch.path("blend-punct")
    let run = try cli.attentionOCR(["blend", "compact", "compact-punct", "-o", output])
    #expect(run.status != 0 && run.errors.contains("different dictionaries"), "\(run.errors)")
    #expect(!FileManager.default.fileExists(atPath: output))
    let share = try cli.attentionOCR(["blend", "compact", "compact", "--share", "2", "-o", output])
    #expect(share.status != 0 && share.errors.contains("--share"), "\(share.errors)")
  }
}
