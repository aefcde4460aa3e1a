// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import OCRData
import OCRModel
import TFRecord
import Torch

/// Reads text lines from image files with a trained model.
struct RecognizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recognize",
    abstract: "Read the text in line images.",
    discussion: """
      Prints one line per image: path, text and confidence, tab-separated (or JSON lines with
      --format json, including each character's probability). Images of any size are scaled to
      32 px high keeping their aspect ratio. Files that cannot be read are reported on standard
      error and skipped; the exit status is then 1.
      """)

  @Argument(help: "Image files or glob patterns (quote them: 'crops/*.png').")
  var images: [String]

  @Option(
    help: ArgumentHelp(
      "Model directory (model.safetensors, checkpoint.json, dictionary.txt), or a shipped model's name; default: the shipped model.",
      discussion:
        "The shipped compact reads with compact-punct (models/compact-punct) beside it, for punctuation: see --punctuation-model."
    ))
  var model: String?

  @Option(help: "Dictionary, when the model directory has none.")
  var dictionary: String?

  @OptionGroup var reading: ReadingOptions

  @OptionGroup var punctuation: PunctuationOptions

  @Option(
    help: "Write a picture per image into this folder: the line and, per character, where the decoder looked."
  )
  var attention: String?

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var compute: ComputeOptions

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

  func run() throws {
    let device = try compute.prepare()
    var paths: [String] = []
    for pattern in images {
      if pattern.contains("*") || pattern.contains("?") || pattern.contains("[") {
        paths += try FilePattern.expand([pattern])
      } else {
        paths.append(pattern)
      }
    }
    let recognizer = try punctuation.open(
      model: model, dictionary: dictionary, reading: reading, device: device)
    var failures = 0
    for (path, result) in zip(paths, recognizer.recognize(paths: paths)) {
      switch result {
      case .success(let line):
        if let attention, !line.attention.isEmpty { try writeAttention(line, for: path, into: attention) }
        say(
          format == .json
            ? try json(path: path, line) : "\(path)\t\(line.text)\t\(String(format: "%.3f", line.confidence))"
        )
      case .failure(let error):
        failures += 1
        warn("\(error)")
      }
    }
    if failures > 0 {
      warn("\(failures) of \(paths.count) file(s) could not be read")
      throw ExitCode(1)
    }
  }

  func writeAttention(_ line: RecognizedText, for path: String, into folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let name = (URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent) + ".attention.png"
    try AttentionPicture.make(line: line.input, attention: line.attention).write(to: "\(folder)/\(name)")
  }

  func json(path: String, _ line: RecognizedText) throws -> String {
    let object: [String: Any] = [
      "path": path, "text": line.text, "confidence": Double(line.confidence),
      "upside_down": line.turnedUpsideDown,
      "punctuation_model": line.isPunctuationModelReading,
      "characters": line.characters.map {
        ["char": $0.character, "probability": Double($0.probability)] as [String: Any]
      },
    ]
    return String(
      decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
  }
}
