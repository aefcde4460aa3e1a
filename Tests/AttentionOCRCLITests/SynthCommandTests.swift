// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import TestScratch
import Testing

@Suite struct SynthCommandTests {
  /// `synth --images` writes the labelled-image layout that `eval --images` and `make-dataset`
  /// read, and `--held-out` draws with the validation fonts only.
  @Test func writesLabelledImages() throws {
    let folder = Scratch.path("synth-images")
    let run = try RecognizeCommandTests().attentionOCR([
      "synth", "--images", folder, "--count", "3", "--levels", "0", "--held-out", "--threads", "1",
    ])
    #expect(run.status == 0, "\(run.errors)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(names == ["000000.png", "000000.txt", "000001.png", "000001.txt", "000002.png", "000002.txt"])
    let charset = try Charset(contentsOf: "\(RecognizeCommandTests.root)/data/dic.txt")
    for name in names where name.hasSuffix(".txt") {
      let text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
      #expect(!text.isEmpty && text.allSatisfy { charset.ids[String($0)] != nil })
    }
  }
}
