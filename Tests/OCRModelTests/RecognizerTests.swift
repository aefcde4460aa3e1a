// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRCore
import OCRData
import OCRModel
import TestScratch
import Testing
import Torch

/// What a checkpoint's config holds for the recogniser (`TrainConfig` has more).
struct ModelOnlyConfig: Codable {
  var model: CompactConfig
  var charsetFingerprint: String
}

/// Saves `model` as a model directory (weights, manifest, dictionary).
func saveModelDirectory(_ model: CompactModel, charset: Charset) throws -> String {
  let folder = Scratch.path("recognizer-tests")
  try Checkpoint.save(
    module: model, step: 0,
    config: ModelOnlyConfig(model: model.config, charsetFingerprint: charset.fingerprint),
    files: ["dictionary.txt": charset.fileContents()], to: folder)
  return folder
}

@Suite struct RecognizerTests {
  static let root = CompactModelTests.root

  func untrainedDirectory() throws -> (String, Charset) {
    let charset = Charset(characters: ["a", "b", "c"])
    let model = try CompactModel(config: tinyConfig(classes: charset.count, nullID: charset.nullID))
    return (try saveModelDirectory(model, charset: charset), charset)
  }

  /// A line reads the same alone as beside wider lines: black columns after each line keep
  /// the tower from seeing where its batch ends (`Recognizer.trailingBlank`).
  @Test func aLineReadsTheSameAloneAsInABatch() throws {
    let recognizer = try Recognizer(shipped: .compact, batchSize: 16)
    let folder = "\(Self.root)/Tests/Fixtures/fsns-tfrecord-generate/d2"
    let images = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jpg") }
      .sorted().map { try Image(contentsOf: "\(folder)/\($0)") }
    try #require(images.count == 16)
    let together = try recognizer.recognize(images)
    let alone = try images.map { try recognizer.recognize($0) }
    #expect(together.map(\.text) == alone.map(\.text))
    let difference = zip(together, alone).map { abs($0.confidence - $1.confidence) }.max()!
    #expect(difference < 1e-4)
  }

  @Test func unreadableFilesAreReportedAndTheRestRead() throws {
    let (folder, _) = try untrainedDirectory()
    let recognizer = try Recognizer(modelDirectory: folder)
    let good =
      "\(Self.root)/Tests/Fixtures/fsns-tfrecord-generate/d2/0a2f2b4e-ff14-11e7-9283-1c1b0d9fbd98.jpg"
    let corrupt = "\(folder)/corrupt.png"
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]).write(to: URL(fileURLWithPath: corrupt))
    let results = recognizer.recognize(paths: [good, corrupt, "\(folder)/missing.jpg", good])
    #expect(results.count == 4)
    #expect((try? results[0].get()) != nil && (try? results[3].get()) != nil)
    for index in [1, 2] {
      guard case .failure(let error as ImageError) = results[index] else {
        Issue.record("result \(index) should be an image error")
        continue
      }
      #expect(error.path?.hasSuffix(index == 1 ? "corrupt.png" : "missing.jpg") == true)
    }
    let line = try results[0].get()
    #expect(line.confidence >= 0 && line.confidence <= 1)
    #expect(line.characters.count == line.text.count)
  }

  @Test func aDifferentDictionaryIsRefused() throws {
    let (folder, _) = try untrainedDirectory()
    let other = "\(folder)/other.txt"
    try Charset(characters: ["x", "y", "z"]).fileContents().withUnsafeBytes {
      try Data($0).write(to: URL(fileURLWithPath: other))
    }
    #expect(throws: RecognizerError.self) { try Recognizer(modelDirectory: folder, dictionary: other) }
    #expect(throws: Error.self) { try Recognizer(modelDirectory: "\(folder)/nothing") }
  }

  @Test func imagesOfAnySizeAreAccepted() throws {
    let (folder, _) = try untrainedDirectory()
    let recognizer = try Recognizer(modelDirectory: folder)
    // One way, so that each result's input is the line as prepared, not a variant of it.
    recognizer.readingVariants = 1
    let images = [
      Image(width: 600, height: 150, channels: 3, value: 200),
      Image(width: 5, height: 90, channels: 1, value: 0),
      Image(width: 3000, height: 20, channels: 1, value: 255),
    ]
    let results = try recognizer.recognize(images)
    // The long line is read in pieces of at most `longestPiece` (4,800 / 576: 9 of them), and
    // each character's attention spans the whole line.
    #expect(results.map(\.inputWidth) == [128, 2, 4800])
    #expect(results[2].attention.allSatisfy { $0.count == 4800 / 4 })
    recognizer.splitsLongLines = false
    #expect(try recognizer.recognize(images).map(\.inputWidth) == [128, 2, 1024])
  }

  /// An untrained model's readings are all doubtful, so each line is read turned as well: the
  /// more confident reading is kept, and a turned one says so and shows the turned line.
  @Test func doubtfulLinesAreTriedTurnedHalfRound() throws {
    let (folder, _) = try untrainedDirectory()
    let recognizer = try Recognizer(modelDirectory: folder)
    recognizer.readingVariants = 1
    var noise = SplitMix64(seed: 3)
    let images = (0..<6).map { index in
      Image(
        width: 40 + 16 * index, height: 32, channels: 1,
        pixels: (0..<((40 + 16 * index) * 32)).map { _ in UInt8(noise.next() % 256) })
    }
    recognizer.turnsUpsideDownLines = false
    let upright = try recognizer.recognize(images)
    try #require(upright.allSatisfy { $0.confidence < Recognizer.upsideDownCheckBelow })
    recognizer.turnsUpsideDownLines = true
    let either = try recognizer.recognize(images)
    for (index, (one, best)) in zip(upright, either).enumerated() {
      #expect(best.confidence >= one.confidence)
      let seen = recognizer.prepare(images[index])
      #expect(best.input == (best.turnedUpsideDown ? seen.oriented(.upsideDown) : seen))
      if best.turnedUpsideDown {
        #expect(best.confidence > Recognizer.upsideDownMustWinBy * one.confidence)
      } else {
        #expect(best.text == one.text)
      }
    }
  }
}

extension RecognizerTests {
  /// A line under the model's height is enlarged smoothly (`.bicubic`), a taller one shrunk by
  /// area: small crops read better that way than with the blocks area enlarging leaves.
  @Test func smallLinesAreEnlargedSmoothly() throws {
    let (folder, _) = try untrainedDirectory()
    let recognizer = try Recognizer(modelDirectory: folder)
    // Only the resize: every other preparation step switched off.
    recognizer.trimsMargins = false
    recognizer.normalizesPolarity = false
    recognizer.stretchesContrast = false
    recognizer.levelsTiltedLines = false
    recognizer.layout = .horizontal
    var noise = SplitMix64(seed: 5)
    for height in [14, 48] {
      let line = Image(
        width: 3 * height, height: height, channels: 1,
        pixels: (0..<(3 * height * height)).map { _ in UInt8(noise.next() % 256) })
      let method: ResizeMethod = height < 32 ? .bicubic : .area
      #expect(ResizeMethod.suited(from: height, to: 32) == method)
      #expect(recognizer.prepare(line) == line.resized(toHeight: 32, method: method), "height \(height)")
    }
  }
}

@Suite struct AttentionPictureTests {
  @Test func stripsLightUpWhereTheDecoderLooked() {
    let line = Image(width: 40, height: 32, channels: 1, value: 90)
    let attention: [[Float]] = [[0, 0, 1, 0, 0, 0, 0, 0, 0, 0], [0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0.9]]
    let picture = AttentionPicture.make(line: line, attention: attention, stripHeight: 4)
    #expect(picture.width == 40 && picture.height == 32 + 2 * 5)
    let firstStripRow = 33 * 40
    // Feature column 2 covers pixels 8…11.
    #expect(picture.pixels[firstStripRow + 9] == 255 && picture.pixels[firstStripRow + 3] == 0)
    let secondStripRow = (33 + 5) * 40
    #expect(picture.pixels[secondStripRow + 39] == 255 && picture.pixels[secondStripRow + 20] == 0)
    #expect(picture.pixels[0] == 90)
  }
}
