// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRCore
import OCRData
import OCRModel
import SyntheticData
import TFRecord
import Torch

/// Trains the compact model on synthetic lines, top to bottom: draw a batch, step, log every
/// `logEvery`, validate and checkpoint on their schedules, stop at `steps` or on SIGINT/SIGTERM.
///
/// Everything that decides the run is a function of the step: the learning rate (cosine with
/// warm-up), the lines (line i of the stream is batch i / B), the curriculum. So a resumed run
/// continues exactly where the saved one stopped.
public final class Trainer {
  public let config: TrainConfig
  public let runDirectory: String
  public let model: CompactModel
  public let optimizer: Adam
  public let charset: Charset
  /// The moving average of the weights (`TrainConfig.weightAveraging`), made when the run
  /// starts from the weights it starts with, or restored with its checkpoint.
  public private(set) var averagedModel: CompactModel?
  public private(set) var step = 0
  private let generator: SyntheticLineGenerator
  private let validationGenerator: SyntheticLineGenerator?
  private let records: RecordDataset?
  private let threads: Int
  private let device: Device
  private var bestAccuracy = -1.0
  private let log: (String) -> Void

  public init(
    config: TrainConfig, charset: Charset, generator: SyntheticLineGenerator,
    validationGenerator: SyntheticLineGenerator? = nil, runDirectory: String, threads: Int,
    device: Device = .cpu, log: @escaping (String) -> Void = { print($0) }
  ) throws {
    guard charset.fingerprint == config.charsetFingerprint, charset.count == config.model.classes else {
      throw TrainingError(
        "the dictionary does not match the run's (\(charset.count) classes, fingerprint \(charset.fingerprint))"
      )
    }
    self.config = config
    self.charset = charset
    self.generator = generator
    self.validationGenerator = validationGenerator
    self.runDirectory = runDirectory
    self.threads = threads
    self.device = device
    self.log = log
    records = try config.records.map {
      try RecordDataset(patterns: $0.patterns, channels: 1, seed: config.seed)
    }
    try Torch.manualSeed(config.seed)
    model = try CompactModel(config: config.model)
    try model.move(to: device)
    optimizer = Adam.adamW(for: model, learningRate: config.learningRate, weightDecay: config.weightDecay)
  }

  /// Names the validation set in checkpoints.
  var validationTag: String {
    if let records = config.validationRecords { return "records \(records.joined(separator: " "))" }
    return validationGenerator == nil ? "synthetic" : "synthetic, held-out fonts and phrases"
  }

  var checkpoints: RunCheckpoints {
    RunCheckpoints(runDirectory: runDirectory, keep: config.keepCheckpoints, charset: charset)
  }

  /// Restores the newest checkpoint of the run, if there is one; returns its step.
  @discardableResult
  public func resume() throws -> Int? {
    let config = self.config
    guard
      let (step, best, averaged) = try checkpoints.restoreLatest(
        into: model, optimizer: optimizer, validation: validationTag,
        matches: { (saved: TrainConfig) in
          saved.model == config.model && saved.charsetFingerprint == config.charsetFingerprint
        })
    else { return nil }
    self.step = step
    bestAccuracy = best
    if config.weightAveraging != nil, let averaged {
      averagedModel = try makeAveragedModel(from: averaged)
    }
    return step
  }

  /// A second model holding `tensors`, in eval mode: it is only read, never trained.
  func makeAveragedModel(from tensors: [String: Tensor]) throws -> CompactModel {
    let averaged = try CompactModel(config: config.model)
    try averaged.move(to: device)
    try averaged.loadStateDict(tensors)
    averaged.eval()
    return averaged
  }

  /// Runs until `config.steps`, `stopAfter` or a stop signal; returns the last validation metrics.
  @discardableResult
  public func run(stopAfter: Int? = nil) throws -> RecognitionMetrics? {
    let lastStep = min(config.steps, stopAfter ?? config.steps)
    let logs = try SummaryWriter(logDirectory: "\(runDirectory)/logs")
    defer { try? logs.close() }
    let renderer = try SyntheticBatchRenderer(generator: generator, threads: threads)
    var group: (index: Int, batches: [[TrainingLine]]) = (-1, [])
    let validation = try validationSet()
    let schedule = CosineSchedule(
      rate: config.learningRate, warmupSteps: min(config.warmupSteps, config.steps / 10),
      totalSteps: config.steps,
      minimumRate: config.minimumLearningRate)
    if config.weightAveraging != nil && averagedModel == nil {
      averagedModel = try makeAveragedModel(from: model.stateDict())
    }
    let loop = TrainingLoop(
      totalSteps: config.steps, batchSize: config.batchSize, logEvery: config.logEvery,
      validateEvery: config.validateEvery, checkpointEvery: config.checkpointEvery, logs: logs, log: log)
    model.train()
    return try loop.run(
      step: { step }, lastStep: lastStep,
      train: {
        // Dropout draws from libtorch's generator: seeding it per step makes the masks a function
        // of the step, as everything else is, so a resumed run repeats them.
        try Torch.manualSeed(config.seed &+ UInt64(step) &* 0x9E37_79B9)
        let groupIndex = step / Self.batchesPerGroup
        if group.index != groupIndex { group = (groupIndex, try renderGroup(groupIndex, renderer: renderer)) }
        let samples = group.batches[step % Self.batchesPerGroup]
        let batch = try LineBatch(
          images: samples.map(\.image), labels: samples.map(\.ids), texts: samples.map(\.text),
          maxWidth: config.maxWidth, device: device)
        optimizer.learningRate = schedule.learningRate(at: step)
        try model.zeroGrad()
        let (loss, _) = try model.loss(
          batch.images, widths: batch.widths, targets: model.targets(for: batch.labels, device: device),
          labelSmoothing: config.labelSmoothing)
        let lossValue = try TrainingLoop.checkedLoss(loss, step: step)
        try loss.backward()
        try GradientClipping.clipGlobalNorm(model.parameters, maxNorm: config.clipNorm)
        try optimizer.step()
        if let averagedModel, let decay = config.weightAveraging {
          try averagedModel.averageTowards(model, decay: decay)
        }
        step += 1
        return .init(lines: samples.count, loss: lossValue, learningRate: optimizer.learningRate)
      },
      validate: {
        guard let averagedModel else { return try validate(validation, model: model, logs: logs) }
        try validate(validation, model: model, tag: "validation_raw", logs: logs)
        return try validate(validation, model: averagedModel, logs: logs)
      },
      save: { try saveCheckpoint(metrics: $0) })
  }

  /// Lines are drawn in groups of this many batches and sorted by width inside a group, so a
  /// batch pads its lines to a similar width instead of to the longest of a random mix.
  static let batchesPerGroup = 4

  /// The batches of group `index`: lines [index·G·B, (index+1)·G·B) of the stream, sorted by
  /// width. A function of the index alone, so a resumed run sees the same batches.
  func renderGroup(_ index: Int, renderer: SyntheticBatchRenderer) throws -> [[TrainingLine]] {
    let size = Self.batchesPerGroup * config.batchSize
    let lines = try mixedLines((index * size)..<((index + 1) * size), renderer: renderer)
    let sorted = lines.enumerated().sorted {
      ($0.element.image.width, $0.offset) < ($1.element.image.width, $1.offset)
    }
    .map(\.element)
    return stride(from: 0, to: size, by: config.batchSize).map { Array(sorted[$0..<($0 + config.batchSize)]) }
  }

  /// Lines `range` of the training stream. With records, a share `1 − syntheticFraction` of
  /// the lines, spread evenly, comes from them; synthetic and record lines are numbered apart
  /// (synthetic line k, record line r), so each source is read in its own order.
  func mixedLines(_ range: Range<Int>, renderer: SyntheticBatchRenderer) throws -> [TrainingLine] {
    let config = self.config
    guard let records, let mix = config.records else {
      return try renderer.render(range) { config.level(forLine: $0) }.map(TrainingLine.init)
    }
    let recordShare = 1 - mix.syntheticFraction
    func recordsBefore(_ line: Int) -> Int { Int((Double(line) * recordShare).rounded(.down)) }
    let recordRange = recordsBefore(range.lowerBound)..<recordsBefore(range.upperBound)
    let syntheticRange =
      (range.lowerBound - recordRange.lowerBound)..<(range.upperBound - recordRange.upperBound)
    let synthetic = try renderer.render(syntheticRange) {
      config.level(forLine: Int(Double($0) / max(mix.syntheticFraction, 1e-9)))
    }
    var fromRecords = try recordRange.map { try recordLine($0, from: records) }.makeIterator()
    var fromSynthetic = synthetic.map(TrainingLine.init).makeIterator()
    return range.map { line in
      recordsBefore(line + 1) > recordsBefore(line) ? fromRecords.next()! : fromSynthetic.next()!
    }
  }

  /// Record line `index`: grey, scaled to the model's height, text up to the first null.
  func recordLine(_ index: Int, from records: RecordDataset) throws -> TrainingLine {
    let sample = try records.sample(index)
    let ids = Array(sample.classIDs.prefix { $0 != charset.nullID }.prefix(config.model.maxLength))
    return TrainingLine(
      image: sample.image.grey().lineResized(toHeight: config.model.inputHeight, maxWidth: config.maxWidth),
      ids: ids, text: charset.text(ids))
  }

  /// Held-out lines: another seed than training (text, fonts and augmentations all differ).
  func validationSet() throws -> [LineBatch] {
    guard let patterns = config.validationRecords else { return try syntheticValidationSet() }
    let reader = try FSNSReader(patterns: patterns, options: .init(channels: 1))
    var lines: [TrainingLine] = []
    while lines.count < config.validationSize, let sample = try reader.next() {
      let ids = Array(sample.classIDs.prefix { $0 != charset.nullID })
      lines.append(
        TrainingLine(
          image: sample.image.lineResized(toHeight: config.model.inputHeight, maxWidth: config.maxWidth),
          ids: ids,
          text: charset.text(ids)))
    }
    return try batches(of: lines)
  }

  func batches(of lines: [TrainingLine]) throws -> [LineBatch] {
    try stride(from: 0, to: lines.count, by: config.batchSize).map { start in
      let slice = lines[start..<min(start + config.batchSize, lines.count)]
      return try LineBatch(
        images: slice.map(\.image), labels: slice.map(\.ids), texts: slice.map(\.text),
        maxWidth: config.maxWidth,
        device: device)
    }
  }

  /// Synthetic validation lines, all four levels in turn: from `validationGenerator` (held-out
  /// fonts and phrases, see `HeldOutSplit`), or else the training generator under another seed.
  func syntheticValidationSet() throws -> [LineBatch] {
    var held = validationGenerator
    if held == nil {
      var options = generator.options
      options.seed = config.seed &+ 0x5EED_0F_7E57
      held = try SyntheticLineGenerator(fonts: generator.fonts, sampler: generator.sampler, options: options)
    }
    let samples = try SyntheticBatchRenderer(generator: held!, threads: threads).render(
      0..<config.validationSize
    ) {
      $0 % 4
    }
    return try batches(of: samples.map(TrainingLine.init))
  }

  /// Reads `batches` with `model` and logs the accuracy under `tag` (the weights the run
  /// produces under `validation`, the trained ones beside averaged ones under `validation_raw`).
  @discardableResult
  func validate(
    _ batches: [LineBatch], model: CompactModel, tag: String = "validation", logs: SummaryWriter
  ) throws -> RecognitionMetrics {
    let wasTraining = model.isTraining
    model.eval()
    defer { model.train(wasTraining) }
    var metrics = RecognitionMetrics()
    var examples: [(LineBatch, Int, [Int])] = []
    for batch in batches {
      let results = try GreedyDecoder(model: model).decode(batch.images, widths: batch.widths)
      for (index, result) in results.enumerated() {
        metrics.update(predicted: result.ids, truth: batch.labels[index])
        if examples.count < 4 { examples.append((batch, index, result.ids)) }
      }
    }
    try metrics.report(step: step, tag: tag, logs: logs, log: log)
    var table = "| truth | predicted |\n| --- | --- |\n"
    for (number, (batch, index, predicted)) in examples.enumerated() {
      let text = predicted.map { charset.characters[$0] }.joined()
      table += "| \(batch.texts[index]) | \(text) |\n"
      let line = batch.lines[index]
      try logs.image(
        "\(tag)/sample_\(number)", encoded: line.pngData(), width: line.width, height: line.height,
        channels: 1,
        step: step)
    }
    try logs.text("\(tag)/samples", table, step: step)
    try logs.flush()
    return metrics
  }

  func saveCheckpoint(metrics: RecognitionMetrics?) throws {
    try checkpoints.save(
      module: model, averaged: averagedModel, optimizer: optimizer, step: step, config: config,
      accuracy: metrics?.total.strictCharacterAccuracy, bestAccuracy: &bestAccuracy,
      validation: validationTag)
  }
}

/// A training run that cannot go on, with the reason.
public struct TrainingError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
