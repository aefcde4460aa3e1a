// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRCore
import OCRData
import OCRModel
import TFRecord
import Torch

/// Trains the `fsns` model on FSNS TFRecords, as upstream's train.py does, with the project's
/// run folder: progress lines, TensorBoard logs, validation, checkpoints and exact resume (the
/// records of step s are a function of s and the seed; see `RecordDataset`).
public final class FSNSTrainer {
  public let config: FSNSTrainConfig
  public let runDirectory: String
  public let model: FSNSModel
  public let optimizer: any Optimizer
  public let charset: Charset
  public private(set) var step = 0
  private let data: RecordDataset
  private let device: Device
  private var bestAccuracy = -1.0
  private let log: (String) -> Void

  public init(
    config: FSNSTrainConfig, charset: Charset, runDirectory: String, device: Device = .cpu,
    log: @escaping (String) -> Void = { print($0) }
  ) throws {
    guard charset.fingerprint == config.charsetFingerprint, charset.count == config.model.classes else {
      throw TrainingError(
        "the charset does not match the run's (\(charset.count) classes, fingerprint \(charset.fingerprint))")
    }
    self.config = config
    self.charset = charset
    self.runDirectory = runDirectory
    self.device = device
    self.log = log
    data = try RecordDataset(patterns: config.data, channels: 3, seed: config.seed)
    try Torch.manualSeed(config.seed)
    model = try FSNSModel(config: config.model)
    try model.move(to: device)
    switch config.optimizer {
    case .momentum: optimizer = SGD(for: model, learningRate: config.learningRate, momentum: config.momentum)
    case .adam: optimizer = Adam(for: model, learningRate: config.learningRate)
    }
  }

  /// Names the validation set in checkpoints.
  var validationTag: String {
    "records \((config.validationData.isEmpty ? config.data : config.validationData).joined(separator: " "))"
  }

  var checkpoints: RunCheckpoints {
    RunCheckpoints(runDirectory: runDirectory, keep: config.keepCheckpoints, charset: charset)
  }

  /// Restores the newest checkpoint of the run, if there is one; returns its step.
  @discardableResult
  /// The configuration a resumed run in `runDirectory` starts from: the one its newest
  /// checkpoint was saved with (nil when it has none); refused when it was trained with another
  /// dictionary than `charset`.
  public static func configForResuming(runDirectory: String, charset: Charset) throws -> FSNSTrainConfig? {
    let checkpoints = RunCheckpoints(runDirectory: runDirectory, keep: 1, charset: charset)
    guard let saved: FSNSTrainConfig = try checkpoints.latestConfig() else { return nil }
    try RunCheckpoints.requireDictionary(saved.charsetFingerprint, of: charset, runDirectory: runDirectory)
    return saved
  }

  public func resume() throws -> Int? {
    let config = self.config
    guard
      let (step, best, _) = try checkpoints.restoreLatest(
        into: model, optimizer: optimizer, validation: validationTag,
        matches: { (saved: FSNSTrainConfig) in
          saved.model == config.model && saved.charsetFingerprint == config.charsetFingerprint
        })
    else { return nil }
    self.step = step
    bestAccuracy = best
    return step
  }

  /// Runs until `config.steps`, `stopAfter` or a stop signal; returns the last validation metrics.
  @discardableResult
  public func run(stopAfter: Int? = nil) throws -> RecognitionMetrics? {
    let lastStep = min(config.steps, stopAfter ?? config.steps)
    let logs = try SummaryWriter(logDirectory: "\(runDirectory)/logs")
    defer { try? logs.close() }
    let validation = try validationSet()
    let loop = TrainingLoop(
      totalSteps: config.steps, batchSize: config.batchSize, logEvery: config.logEvery,
      validateEvery: config.validateEvery, checkpointEvery: config.checkpointEvery, logs: logs, log: log)
    model.train()
    return try loop.run(
      step: { step }, lastStep: lastStep,
      train: {
        let (images, targets) = try batch(step)
        try model.zeroGrad()
        let (loss, _) = try model.loss(images, targets: targets)
        let lossValue = try TrainingLoop.checkedLoss(loss, step: step)
        try loss.backward()
        try GradientClipping.clipEachNorm(model.parameters, maxNorm: config.clipNorm)
        try optimizer.step()
        step += 1
        return .init(lines: config.batchSize, loss: lossValue, learningRate: optimizer.learningRate)
      },
      validate: { try validate(validation, logs: logs) },
      save: { try saveCheckpoint(metrics: $0) })
  }

  /// Step `index`'s batch: images [B, 3, H, W] and null-padded targets [B, T].
  func batch(_ index: Int) throws -> (Tensor, Tensor) {
    let samples = try (0..<config.batchSize).map { try data.sample(index * config.batchSize + $0) }
    return (
      try model.tensor(for: samples.map(\.image), device: device),
      try model.targets(for: samples.map { text(of: $0.classIDs) }, device: device)
    )
  }

  /// Ids up to the first null.
  func text(of ids: [Int]) -> [Int] {
    Array(ids.prefix { $0 != config.model.nullID })
  }

  /// Validation batches: the validation records, or the first training records.
  func validationSet() throws -> [ValidationBatch] {
    let patterns = config.validationData.isEmpty ? config.data : config.validationData
    let reader = try FSNSReader(patterns: patterns)
    var samples: [FSNSSample] = []
    while samples.count < config.validationSize, let sample = try reader.next() { samples.append(sample) }
    return try stride(from: 0, to: samples.count, by: config.batchSize).map { start in
      let slice = samples[start..<min(start + config.batchSize, samples.count)]
      return ValidationBatch(
        images: try model.tensor(for: slice.map(\.image), device: device),
        labels: slice.map { text(of: $0.classIDs) },
        pictures: slice.map(\.image))
    }
  }

  struct ValidationBatch {
    let images: Tensor
    let labels: [[Int]]
    /// The records' images, for TensorBoard.
    let pictures: [Image]
  }

  func validate(_ batches: [ValidationBatch], logs: SummaryWriter) throws -> RecognitionMetrics {
    if config.recalibrationBatches > 0 {
      let recent = try (max(0, step - config.recalibrationBatches)..<step).map { try batch($0).0 }
      try model.recalibrateNormalization(recent)
    }
    model.eval()
    defer { model.train() }
    var metrics = RecognitionMetrics()
    var table = "| truth | predicted |\n| --- | --- |\n"
    for batch in batches {
      for (index, prediction) in try model.predict(batch.images).enumerated() {
        let predicted = text(of: prediction.ids)
        metrics.update(predicted: predicted, truth: batch.labels[index])
        let number = metrics.total.examples - 1
        if number < 4 {
          table += "| \(charset.text(batch.labels[index])) | \(charset.text(predicted)) |\n"
          let picture = batch.pictures[index]
          try logs.image(
            "validation/sample_\(number)", encoded: picture.pngData(), width: picture.width,
            height: picture.height,
            channels: picture.channels, step: step)
        }
      }
    }
    try metrics.report(step: step, logs: logs, log: log)
    try logs.text("validation/samples", table, step: step)
    try logs.flush()
    return metrics
  }

  func saveCheckpoint(metrics: RecognitionMetrics?) throws {
    try checkpoints.save(
      module: model, optimizer: optimizer, step: step, config: config,
      accuracy: metrics?.total.strictCharacterAccuracy, bestAccuracy: &bestAccuracy,
      validation: validationTag)
  }
}
