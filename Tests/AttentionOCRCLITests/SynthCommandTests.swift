// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import OCRData
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

  /// `--with-styles` describes each line in a .json beside it, and `eval --by-style` splits the
  /// accuracy by those descriptions; a line without one is a clear error.
  @Test func linesDescribedByStyleAreEvaluatedByStyle() throws {
    let folder = Scratch.path("synth-styles")
    let cli = RecognizeCommandTests()
    let descriptions = try Self.describedLines(["--count", "8", "--levels", "2,3"], in: folder)
    #expect(descriptions.count == 8)
    for (index, json) in descriptions.enumerated() {
      let name = String(format: "%@/%06d", folder, index)
      #expect(json["text"] as? String == (try String(contentsOfFile: "\(name).txt", encoding: .utf8)))
      #expect(json["level"] as? Int == [2, 3][index % 2])
      #expect((json["style"] as? [String: Any])?["rotation"] is Double)
    }
    let eval = try cli.attentionOCR(["eval", "--images", folder, "--by-style", "--variants", "1"])
    #expect(eval.status == 0, "\(eval.errors)")
    #expect(eval.output.contains("by how the 8 lines were drawn"))
    let levels = eval.output.split(separator: "\n").filter { $0.hasPrefix("  level ") }
    #expect(levels.count == 2 && levels.allSatisfy { $0.contains(" 4 lines") }, "\(eval.output)")

    try FileManager.default.removeItem(atPath: "\(folder)/000005.json")
    let missing = try cli.attentionOCR(["eval", "--images", folder, "--by-style"])
    #expect(missing.status != 0 && missing.errors.contains("\(folder)/000005.json"), "\(missing.errors)")
  }

  /// `--id-cards` draws ID-card fields whatever the levels, and training takes a share of them
  /// only between 0 and 1.
  @Test func drawsIDCardFields() throws {
    let cli = RecognizeCommandTests()
    let descriptions = try Self.describedLines(
      ["--count", "4", "--id-cards"], in: Scratch.path("synth-id-cards"))
    #expect(descriptions.count == 4)
    for json in descriptions { #expect(json["source"] as? String == "idCardFields", "\(json)") }
    let refused = try cli.attentionOCR(["train", "--run", Scratch.path("id-share"), "--id-card-share", "1.5"])
    #expect(refused.status != 0 && refused.errors.contains("--id-card-share"), "\(refused.errors)")
  }

  /// `--shaded 1` describes every line's light in its .json; a share outside 0…1 is refused.
  @Test func shadesLinesByUnevenLight() throws {
    let folder = Scratch.path("synth-shaded")
    let descriptions = try Self.describedLines(["--count", "3", "--shaded", "1"], in: folder)
    #expect(descriptions.count == 3)
    try Self.expectEveryStyle(of: descriptions, toName: "shade")
    let cli = RecognizeCommandTests()
    let refused = try cli.attentionOCR(["synth", "--images", folder, "--shaded", "1.5"])
    #expect(refused.status != 0 && refused.errors.contains("--shaded"), "\(refused.errors)")
  }

  /// `--coloured 1` writes RGB lines whose .json names their colours; it is refused for
  /// records, which are grey.
  @Test func paintsLinesInColoursOfEqualBrightness() throws {
    let folder = Scratch.path("synth-coloured")
    let descriptions = try Self.describedLines(["--count", "2", "--coloured", "1"], in: folder)
    #expect(descriptions.count == 2)
    try Self.expectEveryStyle(of: descriptions, toName: "colours")
    // Grey lines decode to three equal channels; these are not grey.
    let painted = try Image(contentsOf: "\(folder)/000000.png", channels: 3)
    var colourPixels = 0
    for index in 0..<(painted.width * painted.height) {
      let rgb = painted.pixels[(3 * index)..<(3 * index + 3)]
      if rgb.min() != rgb.max() { colourPixels += 1 }
    }
    #expect(colourPixels > painted.width * painted.height / 2)
    let cli = RecognizeCommandTests()
    let refused = try cli.attentionOCR([
      "synth", "--out", Scratch.path("synth-coloured-records"), "--coloured", "1",
    ])
    #expect(refused.status != 0 && refused.errors.contains("--coloured"), "\(refused.errors)")
  }

  /// Every line description's style holds `key`.
  static func expectEveryStyle(of descriptions: [[String: Any]], toName key: String) throws {
    for json in descriptions {
      let style = try #require(json["style"] as? [String: Any])
      #expect(style[key] != nil, "\(style)")
    }
  }

  /// Draws held-out lines with `--with-styles` and the options given into `folder`, and
  /// returns each line's description.
  static func describedLines(_ options: [String], in folder: String) throws -> [[String: Any]] {
    let run = try RecognizeCommandTests().attentionOCR(
      ["synth", "--images", folder, "--held-out", "--with-styles", "--threads", "1"] + options)
    #expect(run.status == 0, "\(run.errors)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
      .sorted()
    return try names.map { name in
      let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
      return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
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
