// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import OCRCore
import OCRData
import OCRModel
import TFRecord

/// Measures a model on FSNS TFRecords: character and sequence accuracy, upstream's and strict.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Evaluate a model on FSNS TFRecords.",
    discussion: """
      Upstream's metrics (attention_ocr): characters compared position by position within the
      true length, and a sequence correct when its first len(truth) characters are. Strict: 1 −
      edit distance ÷ reference length over the whole set, and exact matches.
      """)

  @Option(parsing: .upToNextOption, help: "Records: files or glob patterns (quote them).")
  var data: [String] = []

  @Option(
    help: "Labelled images instead of records: a folder of image + .txt pairs, or a TSV of path<TAB>text.")
  var images: String?

  @Option(
    help:
      "Model directory, compact or fsns, or a shipped model's name such as compact-punct (default: the shipped model)."
  )
  var model: String?

  @Option(help: "Dictionary, when the model directory has none.")
  var dictionary: String?

  @Option(help: "Evaluate at most this many records.")
  var limit: Int?

  @Option(help: "Write 'truth<TAB>prediction<TAB>confidence' lines here.")
  var predictions: String?

  @Option(help: "Write TensorBoard eval events into this folder.")
  var logdir: String?

  @Flag(
    help: ArgumentHelp(
      "Leave punctuation out of both the truth and the reading before comparing them.",
      discussion:
        "For references written without marks, or to compare a model that reads marks with one that cannot."
    ))
  var ignorePunctuation = false

  @Flag(
    help: ArgumentHelp(
      "Compare full-width forms as their ASCII ones (：as :, Ａ as A, １ as 1) where the dictionary has both.",
      discussion:
        "For references that write digits, letters or marks in the other width than the model reads them."
    ))
  var foldWidth = false

  @Flag(help: "Skip corrupt records (counted) instead of stopping.")
  var skipCorrupt = false

  @Flag(
    help: ArgumentHelp(
      "Split the accuracy of synthetic lines by how they were drawn: augmentations, character size, level.",
      discussion: "Reads the NNNNNN.json beside each image that `synth --images DIR --with-styles` writes."))
  var byStyle = false

  @OptionGroup var reading: ReadingOptions

  @OptionGroup var punctuation: PunctuationOptions

  @OptionGroup var compute: ComputeOptions

  /// The ids `characters` (a truth's or a reading's) are compared as: punctuation left out
  /// with --ignore-punctuation, full-width forms as their ASCII ones with --fold-width. A
  /// character outside the dictionary becomes an id no class has.
  func comparedIDs(_ characters: [String], charset: Charset) -> [Int] {
    characters.compactMap { text in
      guard text.count == 1, let character = text.first else { return charset.ids[text] ?? -1 }
      if ignorePunctuation && Punctuation.contains(character) { return nil }
      if foldWidth, let ascii = character.asciiForFullWidthForm, let id = charset.ids[String(ascii)] {
        return id
      }
      return charset.ids[text] ?? -1
    }
  }

  func run() throws {
    let device = try compute.prepare()
    let recognizer = try punctuation.open(
      model: model, dictionary: dictionary, reading: reading, device: device)
    guard data.isEmpty != (images == nil) else { throw ValidationError("pass either --data or --images") }
    if byStyle && images == nil { throw ValidationError("--by-style reads the lines of --images") }
    var metrics = RecognitionMetrics()
    var rows: [String] = []
    var pending: [(image: Image, truth: [Int], text: String, description: LineDescription?)] = []
    var breakdown = StyleBreakdown()
    func flush() throws {
      guard !pending.isEmpty else { return }
      let results = try recognizer.recognize(pending.map(\.image))
      for (sample, result) in zip(pending, results) {
        let predicted = comparedIDs(result.characters.map(\.character), charset: recognizer.charset)
        metrics.update(predicted: predicted, truth: sample.truth)
        if let description = sample.description {
          breakdown.add(
            description, imageWidth: sample.image.width, predicted: predicted, truth: sample.truth)
        }
        rows.append("\(sample.text)\t\(result.text)\t\(String(format: "%.4f", result.confidence))")
      }
      pending.removeAll()
    }
    var skipped = 0
    if let images {
      let labelled = try Self.labelledImages(images)
      for item in labelled.prefix(limit ?? .max) {
        let truth = comparedIDs(item.text.map(String.init), charset: recognizer.charset)
        // Outside the image's do: --skip-corrupt skips unreadable images, not missing descriptions.
        let description = try byStyle ? LineDescription(describing: item.imagePath) : nil
        do {
          pending.append(
            (
              try Image(contentsOf: item.imagePath, channels: recognizer.imageChannels), truth, item.text,
              description
            ))
        } catch {
          guard skipCorrupt else { throw error }
          skipped += 1
          FileHandle.standardError.write(Data("\(error)\n".utf8))
        }
        if pending.count == 64 { try flush() }
      }
    } else {
      let reader = try FSNSReader(
        patterns: data, options: .init(skipCorrupt: skipCorrupt, channels: recognizer.imageChannels))
      var seen = 0
      while let sample = try reader.next() {
        if let limit, seen >= limit { break }
        let truth = comparedIDs(
          sample.classIDs.prefix { $0 != recognizer.charset.nullID }.map {
            recognizer.charset.characters[$0]
          },
          charset: recognizer.charset)
        pending.append((sample.image, truth, recognizer.charset.text(truth), nil))
        seen += 1
        if pending.count == 64 { try flush() }
      }
      skipped = reader.skipped
    }
    try flush()
    let t = metrics.total
    if let pair = recognizer as? PunctuatingRecognizer {
      print(
        "punctuation model's reading kept for \(pair.keptCompanionReadings) line(s) with marks; main model read \(pair.mainModelReadings) of \(t.examples) (--no-punctuation-model: main model alone)"
      )
    }
    print("\(t.examples) lines\(skipped > 0 ? " (\(skipped) unreadable skipped)" : "")")
    print("                 character  sequence")
    print(
      String(
        format: "upstream          %6.2f%%   %6.2f%%", 100 * t.upstreamCharacterAccuracy,
        100 * t.upstreamSequenceAccuracy))
    print(
      String(
        format: "strict            %6.2f%%   %6.2f%%", 100 * t.strictCharacterAccuracy,
        100 * t.strictSequenceAccuracy))
    print("by true length (strict character / sequence):")
    for (length, counts) in metrics.byLength.sorted(by: { $0.key < $1.key }) {
      print(
        String(
          format: "  %3d  %6d lines  %6.2f%%  %6.2f%%", length, counts.examples,
          100 * counts.strictCharacterAccuracy,
          100 * counts.strictSequenceAccuracy))
    }
    if byStyle { print(breakdown.report()) }
    if let predictions {
      try (rows.joined(separator: "\n") + "\n").write(toFile: predictions, atomically: true, encoding: .utf8)
    }
    if let logdir {
      let writer = try SummaryWriter(logDirectory: logdir)
      try writer.scalar("eval/upstream_character_accuracy", t.upstreamCharacterAccuracy, step: 0)
      try writer.scalar("eval/upstream_sequence_accuracy", t.upstreamSequenceAccuracy, step: 0)
      try writer.scalar("eval/strict_character_accuracy", t.strictCharacterAccuracy, step: 0)
      try writer.scalar("eval/strict_sequence_accuracy", t.strictSequenceAccuracy, step: 0)
      try writer.close()
    }
  }
}

extension EvalCommand {
  /// A folder of image + .txt pairs, or a TSV of path<TAB>text.
  static func labelledImages(_ source: String) throws -> [LabelledImage] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder) else {
      throw ValidationError("\(source): no such folder or file")
    }
    let (items, problems) =
      isFolder.boolValue ? try LabelledImage.scan(folder: source) : try LabelledImage.read(tsv: source)
    for problem in problems {
      FileHandle.standardError.write(Data("\(problem.path): \(problem.reason)\n".utf8))
    }
    return items
  }
}
