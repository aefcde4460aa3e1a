// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRCore
import OCRData
import OCRModel
import SyntheticData
import Torch

/// The compact model's side of `bench model`: a training step on 32 lines 32×256 with
/// 10-character texts (the same as Scripts/bench/compact.py), and recognition. The step is timed
/// on the configuration of the model being read, so a widened model's training cost shows.
struct CompactBench {
  let device: Device
  let model: CompactModel
  let optimizer: Adam
  let images: Tensor
  let targets: Tensor

  let charset: Charset

  init(device: Device, charset: Charset, channels: [Int]? = nil) throws {
    try Torch.manualSeed(0)
    self.charset = charset
    self.device = device
    var config = CompactConfig(classes: charset.count, nullID: charset.nullID)
    if let channels { config.channels = channels }
    model = try CompactModel(config: config)
    try model.move(to: device)
    optimizer = Adam.adamW(for: model, learningRate: 1e-3, weightDecay: 1e-4)
    images = try Tensor.randn([32, 1, 32, 256], device: device)
    var generator = SplitMix64(seed: 7)
    let labels = (0..<32).map { _ in
      (0..<10).map { _ in Int.random(in: 0..<(charset.count - 1), using: &generator) }
    }
    targets = try model.targets(for: labels, device: device)
  }

  func trainStep() throws {
    try model.zeroGrad()
    let (loss, _) = try model.loss(images, widths: Array(repeating: 256, count: 32), targets: targets)
    try loss.backward()
    _ = try GradientClipping.clipGlobalNorm(model.parameters, maxNorm: 5)
    try optimizer.step()
  }

  /// The timed model's conv channels as `--channels` spells them (train, Scripts/bench/compact.py).
  var channelList: String { model.config.channels.map(String.init).joined(separator: ",") }

  func training(steps: Int, python: PythonPeer?) throws {
    print(
      "compact (channels \(channelList), \(model.parameterCount) parameters): training step,"
        + " batch 32×1×32×256, 10 characters")
    model.train()
    for _ in 0..<2 { try trainStep() }
    _ = try python?.run("train", count: 2)
    var swift: [Double] = []
    var peer: [Double] = []
    for _ in 0..<steps {
      swift.append(try CRNNBenchmark.time(device: device) { try trainStep() })
      if let python { peer += try python.run("train", count: 1) }
    }
    let swiftMedian = BenchTimings.median(swift)
    report("training step (swift)", milliseconds: swiftMedian, lines: 32)
    if !peer.isEmpty {
      let pythonMedian = BenchTimings.median(peer)
      report("training step (python)", milliseconds: pythonMedian, lines: 32)
      print(String(format: "  swift/python step time: %.2f", swiftMedian / pythonMedian))
    }
  }

  func recognition(
    lines: [SyntheticSample], batch: Int, modelDirectory: String?, companionDirectory: String? = nil
  ) throws {
    guard let modelDirectory else {
      print("  (no trained model: recognition timed with fresh weights, which decode to arbitrary lengths)")
      return try time(
        Recognizer(model: model, charset: charset, device: device, batchSize: batch), lines, batch)
    }
    let recognizer = try Recognizer(modelDirectory: modelDirectory, device: device, batchSize: batch)
    print("compact recognition with \(modelDirectory) (\(recognizer.parameterCount) parameters)")
    try time(recognizer, lines, batch)
    guard let companionDirectory else { return }
    let pair = try PunctuatingRecognizer(
      main: Recognizer(modelDirectory: modelDirectory, device: device, batchSize: batch),
      companion: Recognizer(modelDirectory: companionDirectory, device: device, batchSize: batch))
    print("the same read \(pair.main.readingVariants) ways, with \(companionDirectory) beside it one way")
    try time(pair, lines, batch)
  }

  /// Times the default reading, the main model with its punctuation companion, beside the same
  /// pair reading every line with both models and every way (`companionAloneFrom` and
  /// `otherWaysBelow` nil, as `--read-every-way`), line by line in turn so that both meet the
  /// same load. One at a time the mean is reported (`BenchTimings.mean`).
  private func time(_ pair: PunctuatingRecognizer, _ lines: [SyntheticSample], _ batch: Int) throws {
    let images = lines.map(\.image)
    let (companionAloneFrom, otherWaysBelow) = (pair.companionAloneFrom, pair.main.otherWaysBelow)
    defer { (pair.companionAloneFrom, pair.main.otherWaysBelow) = (companionAloneFrom, otherWaysBelow) }
    let modes: [(name: String, sparing: Bool)] = [
      ("with marks", true), ("with marks, every line every way", false),
    ]
    func choose(_ mode: (name: String, sparing: Bool)) {
      pair.companionAloneFrom = mode.sparing ? companionAloneFrom : nil
      pair.main.otherWaysBelow = mode.sparing ? otherWaysBelow : nil
    }
    _ = try pair.recognize(Array(images.prefix(2)))
    var single = [[Double]](repeating: [], count: modes.count)
    for image in images {
      for (slot, mode) in modes.enumerated() {
        choose(mode)
        single[slot].append(try CRNNBenchmark.time(device: device) { _ = try pair.recognize(image) })
      }
    }
    var batched = [Double](repeating: 0, count: modes.count)
    var mainReadings = [Int](repeating: 0, count: modes.count)
    for (slot, mode) in modes.enumerated() {
      choose(mode)
      let before = pair.mainModelReadings
      batched[slot] = try CRNNBenchmark.time(device: device) { _ = try pair.recognize(images) }
      mainReadings[slot] = pair.mainModelReadings - before
    }
    for (slot, mode) in modes.enumerated() {
      report("\(mode.name), one at a time", milliseconds: BenchTimings.mean(single[slot]), lines: 1)
      report("\(mode.name), batches of \(batch)", milliseconds: batched[slot], lines: images.count)
      print("  the main model read \(mainReadings[slot]) of \(images.count) lines")
    }
    print(
      String(
        format: "  every-line/default time: %.2f one at a time, %.2f batched",
        BenchTimings.mean(single[1]) / BenchTimings.mean(single[0]), batched[1] / batched[0]))
  }

  /// Times reading the lines one at a time and in batches, each line read one way and then
  /// in each of the reading variants (`ReadingVariant`), which cost a reading each: as the
  /// recognizer does, only the lines it is unsure of (`otherWaysBelow`), and then every line.
  private func time(_ recognizer: Recognizer, _ lines: [SyntheticSample], _ batch: Int) throws {
    let images = lines.map(\.image)
    _ = try recognizer.recognize(Array(images.prefix(2)))
    let preparation = try CRNNBenchmark.time(device: device) { _ = images.map(recognizer.prepare) }
    report("line preparation (all steps)", milliseconds: preparation, lines: images.count)
    let unsureOnly = recognizer.otherWaysBelow
    let modes = (1...ReadingVariant.allCases.count).flatMap { variants in
      variants == 1 ? [(variants, unsureOnly)] : [(variants, unsureOnly), (variants, nil)]
    }
    defer { recognizer.otherWaysBelow = unsureOnly }
    for (variants, otherWaysBelow) in modes {
      recognizer.readingVariants = variants
      recognizer.otherWaysBelow = otherWaysBelow
      let (ways, which) =
        variants == 1
        ? ("×1", "one way")
        : otherWaysBelow.map { ("×\(variants)", "those under \($0) read \(variants) ways") }
          ?? ("×\(variants) every line", "each read \(variants) ways")
      var single: [Double] = []
      var correct = 0
      for (line, image) in zip(lines, images) {
        var result: [RecognizedText] = []
        single.append(try CRNNBenchmark.time(device: device) { result = [try recognizer.recognize(image)] })
        if result[0].text == line.text { correct += 1 }
      }
      report("recognition \(ways), one at a time", milliseconds: BenchTimings.mean(single), lines: 1)
      let batched = try CRNNBenchmark.time(device: device) { _ = try recognizer.recognize(images) }
      report("recognition \(ways), batches of \(batch)", milliseconds: batched, lines: images.count)
      print(
        "  \(correct)/\(lines.count) lines read exactly, \(which)")
    }
    let characters = lines.map(\.ids.count).reduce(0, +) / lines.count
    print(
      "  \(characters) characters per line on average; "
        + String(
          format: "%.1f MFLOPs per line (one way)",
          Double(recognizer.flops(width: 256, characters: characters)) / 1e6))
  }
}
