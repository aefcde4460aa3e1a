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

  @Option(help: "Records: files or glob patterns (quote them).")
  var data: [String]

  @Option(help: "Model directory, compact or fsns (default: the shipped model).")
  var model: String?

  @Option(help: "Dictionary, when the model directory has none.")
  var dictionary: String?

  @Option(help: "Evaluate at most this many records.")
  var limit: Int?

  @Option(help: "Write 'truth<TAB>prediction<TAB>confidence' lines here.")
  var predictions: String?

  @Option(help: "Write TensorBoard eval events into this folder.")
  var logdir: String?

  @Flag(help: "Skip corrupt records (counted) instead of stopping.")
  var skipCorrupt = false

  @OptionGroup var compute: ComputeOptions

  func run() throws {
    let device = try compute.prepare()
    let recognizer = try ModelDirectory.open(
      try ShippedModel.resolve(model), dictionary: dictionary, device: device)
    let reader = try FSNSReader(
      patterns: data, options: .init(skipCorrupt: skipCorrupt, channels: recognizer.inputChannels))
    var metrics = RecognitionMetrics()
    var rows: [String] = []
    var pending: [FSNSSample] = []
    var seen = 0
    func flush() throws {
      guard !pending.isEmpty else { return }
      let results = try recognizer.recognize(pending.map(\.image))
      for (sample, result) in zip(pending, results) {
        let truth = Array(sample.classIDs.prefix { $0 != recognizer.charset.nullID })
        let predicted = result.characters.compactMap { recognizer.charset.ids[$0.character] }
        metrics.update(predicted: predicted, truth: truth)
        let truthText = truth.map { recognizer.charset.characters[$0] }.joined()
        rows.append("\(truthText)\t\(result.text)\t\(String(format: "%.4f", result.confidence))")
      }
      pending.removeAll()
    }
    while let sample = try reader.next() {
      if let limit, seen >= limit { break }
      pending.append(sample)
      seen += 1
      if pending.count == 64 { try flush() }
    }
    try flush()
    let t = metrics.total
    print("\(t.examples) lines\(reader.skipped > 0 ? " (\(reader.skipped) corrupt records skipped)" : "")")
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
