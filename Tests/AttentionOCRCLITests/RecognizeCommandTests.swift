// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRCore
import OCRModel
import TestScratch
import Testing

/// `attention-ocr recognize` as a user runs it: the built executable, its output and exit status.
@Suite(.serialized) struct RecognizeCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let image = "\(root)/Tests/Fixtures/fsns/fsns_train_00.png"

  struct Run {
    let status: Int32
    let output: String
    let errors: String
  }

  /// Runs the debug build of the command line tool (`swift test` builds it with the tests).
  func attentionOCR(_ arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "\(Self.root)/.build/debug/attention-ocr")
    process.arguments = arguments
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
      errors: String(decoding: err, as: UTF8.self))
  }

  /// A small untrained model folder over `characters`.
  func modelFolder(characters: [String] = ["a", "b", "c"]) throws -> String {
    struct Manifest: Codable {
      var model: CompactConfig
      var charsetFingerprint: String
    }
    let charset = Charset(characters: characters)
    var config = CompactConfig(classes: charset.count, nullID: charset.nullID)
    config.channels = [8, 8, 8, 8, 8, 8]
    config.encoderHidden = 8
    config.decoderHidden = 8
    config.embedding = 8
    config.attention = 8
    config.maxLength = 5
    let folder = Scratch.path("cli-tests")
    try Checkpoint.save(
      module: CompactModel(config: config), step: 0,
      config: Manifest(model: config, charsetFingerprint: charset.fingerprint),
      files: ["dictionary.txt": charset.fileContents()], to: folder)
    return folder
  }

  @Test func unreadableFilesAreReportedAndTheRestRead() throws {
    let model = try modelFolder()
    let corrupt = Scratch.path("corrupt") + ".png"
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]).write(
      to: URL(fileURLWithPath: corrupt))
    let missing = "/nonexistent/line.png"
    let run = try attentionOCR(["recognize", "--model", model, Self.image, missing, corrupt, Self.image])
    #expect(run.status == 1)
    let lines = run.output.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(
      lines.allSatisfy {
        $0.hasPrefix(Self.image + "\t")
          && $0.split(separator: "\t", omittingEmptySubsequences: false).count == 3
      })
    #expect(run.errors.contains(missing))
    #expect(run.errors.contains(corrupt))
    #expect(run.errors.contains("2 of 4 file(s) could not be read"))
  }

  @Test func allReadableExitsZeroAndJSONCarriesProbabilities() throws {
    let model = try modelFolder()
    let run = try attentionOCR(["recognize", "--model", model, "--format", "json", "--beam", "3", Self.image])
    #expect(run.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    let text = try #require(object["text"] as? String)
    let characters = try #require(object["characters"] as? [[String: Any]])
    #expect(characters.count == text.count)
    #expect(characters.allSatisfy { (($0["probability"] as? Double) ?? -1) >= 0 })
    #expect(object["path"] as? String == Self.image)
    #expect(object["upside_down"] as? Bool != nil)
  }

  @Test func aModelWithAnotherDictionaryIsRefused() throws {
    let model = try modelFolder()
    let other = Scratch.path("other-dictionary") + ".txt"
    try Charset(characters: ["x", "y"]).fileContents().withUnsafeBufferPointer {
      try Data(buffer: $0).write(to: URL(fileURLWithPath: other))
    }
    let run = try attentionOCR(["recognize", "--model", model, "--dictionary", other, Self.image])
    #expect(run.status != 0)
    #expect(run.errors.contains(other))
    #expect(run.errors.contains("not the one the model"))
  }

  /// `eval --images` measures a folder of labelled crops (the generator's d2 samples) directly.
  @Test func evalReadsLabelledImages() throws {
    let folder = "\(Self.root)/Tests/Fixtures/fsns-tfrecord-generate/d2"
    let predictions = Scratch.path("d2") + ".tsv"
    let run = try attentionOCR([
      "eval", "--model", modelFolder(), "--images", folder, "--predictions", predictions,
    ])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("16 lines"))
    let truths = Set(
      try String(contentsOfFile: predictions, encoding: .utf8).split(separator: "\n").map {
        String($0.split(separator: "\t", omittingEmptySubsequences: false)[0])
      })
    let labels = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }
      .map { try String(contentsOfFile: "\(folder)/\($0)", encoding: .utf8) }
    #expect(truths == Set(labels))
  }

  @Test func aMissingModelIsAClearError() throws {
    let run = try attentionOCR(["recognize", "--model", "/nonexistent/model", Self.image])
    #expect(run.status != 0)
    #expect(run.errors.contains("/nonexistent/model"))
    #expect(run.output.isEmpty)
  }

  /// A bare name that is not a shipped model is refused, and the error lists the shipped ones.
  @Test func anUnknownModelNameListsTheShippedOnes() throws {
    let run = try attentionOCR(["recognize", "--model", "compact-nonexistent", Self.image])
    #expect(run.status != 0)
    #expect(run.errors.contains("compact-nonexistent") && run.errors.contains("compact, compact-punct"))
  }
}

/// `eval` and `recognize` open fsns model folders as well as compact ones.
@Suite(.serialized) struct FSNSModelCommandTests {
  let cli = RecognizeCommandTests()

  func fsnsModelFolder() throws -> String {
    struct Manifest: Codable {
      var model: FSNSConfig
      var charsetFingerprint: String
    }
    let charset = try Charset(
      contentsOf: "\(RecognizeCommandTests.root)/Tests/Fixtures/fsns/charset_size=134.txt", allowAliases: true
    )
    var config = FSNSConfig(classes: charset.count, nullID: charset.nullID)
    config.imageHeight = 75
    config.imageWidth = 300
    config.sequenceLength = 20
    let folder = Scratch.path("cli-fsns")
    try Checkpoint.save(
      module: FSNSModel(config: config), step: 0,
      config: Manifest(model: config, charsetFingerprint: charset.fingerprint),
      files: ["dictionary.txt": charset.fileContents()], to: folder)
    return folder
  }

  @Test func evalReportsBothMetricFamiliesForAnFSNSModel() throws {
    let model = try fsnsModelFolder()
    let predictions = Scratch.path("predictions") + ".tsv"
    let run = try cli.attentionOCR([
      "eval", "--model", model, "--data",
      "\(RecognizeCommandTests.root)/Tests/Fixtures/fsns/fsns-00000-of-00001",
      "--predictions", predictions,
    ])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("5 lines"))
    #expect(run.output.contains("upstream") && run.output.contains("strict"))
    let rows = try String(contentsOfFile: predictions, encoding: .utf8).split(separator: "\n")
    #expect(rows.count == 5)
    #expect(rows.first?.hasPrefix("Rue Perreyon\t") == true)
  }

  @Test func beamSearchIsRefusedForAnFSNSModel() throws {
    let run = try cli.attentionOCR([
      "recognize", "--model", fsnsModelFolder(), "--beam", "4", RecognizeCommandTests.image,
    ])
    #expect(run.status != 0)
    #expect(run.errors.contains("decodes greedily"))
  }
}
