// SPDX-License-Identifier: Apache-2.0
import NN
import OCRCore
import OCRModel

extension Trainer {
  /// Starts from the weights of a trained model folder (the shipped `models/compact`, or any
  /// checkpoint) instead of random ones, to fine-tune it; the step, the optimizer state and the
  /// schedule start afresh. The folder's layer sizes and dictionary must be this run's; its
  /// dropout and encoder run (`encoderStartsAtLineEnds`) may differ, and this run's are used.
  public func initializeWeights(from folder: String) throws {
    let checkpoint = try Checkpoint<ModelDirectory.Manifest<CompactConfig>>.load(
      from: folder, withOptimizer: false)
    guard checkpoint.config.model.hasSameWeights(as: config.model) else {
      throw TrainingError("\(folder): its model configuration is not this run's; pass the same layer sizes")
    }
    guard checkpoint.config.charsetFingerprint == config.charsetFingerprint else {
      throw TrainingError(
        "\(folder): trained with another dictionary (fingerprint \(checkpoint.config.charsetFingerprint), this run's \(config.charsetFingerprint))"
      )
    }
    try checkpoint.restore(into: model)
  }

  /// The configuration the newest checkpoint of a run was saved with (nil when it has none),
  /// read without its tensors: a resumed run keeps what it was started with even where a
  /// default has changed since (`CompactConfig.encoderStartsAtLineEnds`).
  public static func savedConfig(runDirectory: String, charset: Charset) throws -> TrainConfig? {
    let checkpoints = RunCheckpoints(runDirectory: runDirectory, keep: 1, charset: charset)
    guard let latest = try checkpoints.latest() else { return nil }
    return try Checkpoint<TrainConfig>.manifest(in: latest).config
  }

  /// `config` as a resumed run in `runDirectory` must use: the encoder run its checkpoints were
  /// saved with, which a changed default would otherwise replace. Anything else that differs
  /// is left for `resume()` to refuse.
  public static func configForResuming(_ config: TrainConfig, runDirectory: String, charset: Charset) throws
    -> TrainConfig
  {
    guard let saved = try savedConfig(runDirectory: runDirectory, charset: charset),
      saved.model.hasSameWeights(as: config.model)
    else { return config }
    var resumed = config
    resumed.model.encoderStartsAtLineEnds = saved.model.encoderStartsAtLineEnds
    return resumed
  }
}
