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

  /// A scratch font folder linking one training face (WenQuanYi Zen Hei, three cuts) and one
  /// held-out face (AR PL UMing) from the system's fonts.
  static func twoFaceFontFolder(_ name: String) throws -> String {
    let folder = Scratch.path(name)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for font in ["truetype/wqy/wqy-zenhei.ttc", "truetype/arphic/uming.ttc"] {
      try FileManager.default.createSymbolicLink(
        atPath: "\(folder)/\((font as NSString).lastPathComponent)",
        withDestinationPath: "/usr/share/fonts/\(font)")
    }
    return folder
  }

  /// `--list-fonts` names every face with its role, and `--fonts` draws from the folders given
  /// instead of the system's: here one training face and one held-out face.
  @Test func listsTheFacesOfTheFoldersGiven() throws {
    let folder = try Self.twoFaceFontFolder("synth-fonts")
    let run = try RecognizeCommandTests().attentionOCR(["synth", "--list-fonts", "--fonts", folder])
    #expect(run.status == 0, "\(run.errors)")
    let rows = run.output.split(separator: "\n").dropFirst().map {
      $0.split(separator: "\t").map(String.init)
    }
    #expect(rows.allSatisfy { $0.count == 5 && $0[1].hasPrefix(folder) }, "\(rows)")
    let roles = Dictionary(rows.map { ($0[3], $0[0]) }, uniquingKeysWith: { first, _ in first })
    #expect(roles["WenQuanYi Zen Hei"] == "training")
    #expect(roles["AR PL UMing CN"] == "validation")

    let missing = try RecognizeCommandTests().attentionOCR([
      "synth", "--list-fonts", "--fonts", "\(folder)/none",
    ])
    #expect(
      missing.status != 0 && missing.errors.contains("\(folder)/none: no such folder"), "\(missing.errors)")
  }
}
