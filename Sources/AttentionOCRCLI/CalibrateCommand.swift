// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import OCRCore
import OCRData
import OCRModel
import Torch

/// Fits the temperature that makes a compact model's confidences mean what they say.
struct CalibrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calibrate",
    abstract: "Fit the temperature and line map that make a model's confidences match its accuracy.",
    discussion: """
      About half of the labelled lines (drawn by a seeded coin) fit the temperature T that divides the logits
      (least negative log-likelihood of the true characters), then, read with T, the line map
      σ(shift + scale · logit(c)) that turns a line's product of character probabilities c into how
      often such lines are read exactly (least log-loss): a line's mistakes come together, so the
      product alone says too little for most lines. The other half measure line confidence against
      exact reading before and after, in ten bins. --write stores T and the map in the model's
      checkpoint.json (extra.temperature, extra.lineConfidenceShift, extra.lineConfidenceScale),
      where recognize, eval and the Recognizer API read them. Neither changes a greedy reading,
      only the confidences.

      Held-out synthetic lines make a fair set:
        attention-ocr synth --images cal --held-out --seed 31 --count 2000 --levels 0,1,2,3
      Lines like the ones you will read make a better one. Read them as the model will read them:
      a punctuation companion reads one way beside its main model, and the choice between the two
      is made on the companion's products of character probabilities, so calibrate it with
      --variants 1 --keep-temperature.
      """)

  @Option(help: "Compact model directory, or a shipped model's name (default: the shipped model).")
  var model: String?

  @Option(help: "Labelled lines: a folder of image + .txt pairs, or a TSV of path<TAB>text.")
  var images: String

  @Flag(help: "Write the fitted temperature and line map into the model's checkpoint.json.")
  var write = false

  @Flag(
    help: ArgumentHelp(
      "Keep the model's temperature and fit the line map alone.",
      discussion:
        "For a model whose products of character probabilities other choices depend on, such as a punctuation companion's."
    ))
  var keepTemperature = false

  @OptionGroup(title: "Reading") var reading: ReadingOptions

  @OptionGroup var compute: ComputeOptions

  func run() throws {
    let device = try compute.prepare()
    let folder = try ModelArgument.resolve(model)
    let recognizer = try Recognizer(modelDirectory: folder, device: device)
    try reading.apply(to: recognizer)
    var lines: [(image: Image, ids: [Int])] = []
    var outside = 0
    for item in try EvalCommand.labelledImages(images) {
      let ids = item.text.map { recognizer.charset.ids[String($0)] }
      guard ids.allSatisfy({ $0 != nil }), !ids.isEmpty else {
        outside += 1
        continue
      }
      lines.append(
        (try Image(contentsOf: item.imagePath, channels: recognizer.imageChannels), ids.map { $0! }))
    }
    guard lines.count >= 20 else {
      throw ValidationError("\(images): \(lines.count) usable lines; calibration needs at least 20")
    }
    // A seeded coin per line, not every other line: labelled sets are often ordered in cycles
    // (synth's --levels takes them in turn), and alternation would split them by kind.
    var coin = SplitMix64(seed: 0xCA11_B8A7E)
    let toFit = lines.map { _ in Bool.random(using: &coin) }
    let fitting = lines.indices.filter { toFit[$0] }.map { lines[$0] }
    let checking = lines.indices.filter { !toFit[$0] }.map { lines[$0] }
    guard fitting.count >= 10, checking.count >= 10 else {
      throw ValidationError("\(images): \(lines.count) lines split too unevenly to fit and check; add lines")
    }
    say(
      "\(lines.count) lines (\(fitting.count) to fit, \(checking.count) to check)"
        + (outside > 0 ? "; \(outside) skipped (empty, or characters outside the dictionary)" : ""))
    let old = (temperature: recognizer.temperature, line: recognizer.lineCalibration)
    var temperature = old.temperature
    if !keepTemperature {
      let (logits, targets) = try recognizer.characterLogits(fitting.map(\.image), labels: fitting.map(\.ids))
      temperature = try TemperatureScaling.fit(logits: logits, targets: targets)
    }
    say(String(format: "temperature %.4f (was %.4f)", temperature, old.temperature))
    let products = try readings(recognizer, fitting, temperature: temperature, line: .identity)
    let line = LineConfidenceCalibration.fit(
      confidences: products.map(\.confidence), exact: products.map(\.exact))
    say("line map \(line) (was \(old.line))")

    let before = Self.table(try readings(recognizer, checking, temperature: old.temperature, line: old.line))
    let after = Self.table(try readings(recognizer, checking, temperature: temperature, line: line))
    say("line confidence against exact reading, on the lines not used to fit:")
    say("                     mean confidence   read exactly   calibration error")
    for (name, table) in [("before", before), ("after", after)] {
      say(
        "  " + name.padding(toLength: 18, withPad: " ", startingAt: 0)
          + String(
            format: " %14.3f %14.3f %19.3f", table.meanConfidence, table.accuracy,
            table.expectedCalibrationError))
    }
    say("bins after (confidence range: lines, mean confidence, read exactly):")
    for (index, bin) in after.bins.enumerated() where bin.count > 0 {
      say(
        String(
          format: "  %.1f–%.1f  %5d  %.3f  %.3f", Double(index) / 10, Double(index + 1) / 10, bin.count,
          bin.meanConfidence, bin.accuracy))
    }
    if write {
      try Self.store(temperature: temperature, line: line, in: folder)
      say(
        "wrote extra.\(Recognizer.temperatureKey) = \(String(format: "%.4f", temperature)), "
          + "\(Recognizer.lineShiftKey) and \(Recognizer.lineScaleKey) to \(folder)/checkpoint.json"
      )
    }
  }

  /// Each line's confidence read with `temperature` and `line`, and whether it was read exactly.
  func readings(
    _ recognizer: Recognizer, _ lines: [(image: Image, ids: [Int])], temperature: Double,
    line: LineConfidenceCalibration
  ) throws -> [(confidence: Double, exact: Bool)] {
    recognizer.temperature = temperature
    recognizer.lineCalibration = line
    return zip(lines, try recognizer.recognize(lines.map(\.image))).map { line, result in
      let read = result.characters.map { recognizer.charset.ids[$0.character] ?? -1 }
      return (Double(result.confidence), read == line.ids)
    }
  }

  static func table(_ readings: [(confidence: Double, exact: Bool)]) -> ReliabilityTable {
    var table = ReliabilityTable()
    for reading in readings { table.add(confidence: reading.confidence, correct: reading.exact) }
    return table
  }

  /// Sets the temperature and the line map in `folder`/checkpoint.json's `extra`, keeping
  /// everything else as it is.
  static func store(temperature: Double, line: LineConfidenceCalibration, in folder: String) throws {
    let path = "\(folder)/checkpoint.json"
    let bytes = try AtomicFile.read(path)
    guard var manifest = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
      throw ValidationError("\(path): not a JSON object")
    }
    var extra = manifest["extra"] as? [String: Any] ?? [:]
    extra[Recognizer.temperatureKey] = String(format: "%.4f", temperature)
    extra[Recognizer.lineShiftKey] = String(format: "%.4f", line.shift)
    extra[Recognizer.lineScaleKey] = String(format: "%.4f", line.scale)
    manifest["extra"] = extra
    let data = try JSONSerialization.data(
      withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    try AtomicFile.write([UInt8](data), to: path)
  }
}
