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
  /// read without its tensors.
  public static func savedConfig(runDirectory: String, charset: Charset) throws -> TrainConfig? {
    try RunCheckpoints(runDirectory: runDirectory, keep: 1, charset: charset).latestConfig()
  }

  /// The configuration a resumed run in `runDirectory` starts from: the one it was saved with,
  /// all of it (model, schedule, seed, curriculum), so that resuming continues the same run even
  /// where a default has changed since (`CompactConfig.encoderStartsAtLineEnds`); options given
  /// again may then change it. Nil when the run has no checkpoint; refused when it was trained
  /// with another dictionary than `charset`.
  public static func configForResuming(runDirectory: String, charset: Charset) throws -> TrainConfig? {
    guard let saved = try savedConfig(runDirectory: runDirectory, charset: charset) else { return nil }
    try RunCheckpoints.requireDictionary(saved.charsetFingerprint, of: charset, runDirectory: runDirectory)
    return saved
  }

}
