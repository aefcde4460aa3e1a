// SPDX-License-Identifier: Apache-2.0
import NN
import OCRModel

extension Trainer {
  /// Starts from the weights of a trained model folder (the shipped `models/compact`, or any
  /// checkpoint) instead of random ones, to fine-tune it; the step, the optimizer state and the
  /// schedule start afresh. The folder's model configuration and dictionary must be this run's.
  public func initializeWeights(from folder: String) throws {
    let checkpoint = try Checkpoint<ModelDirectory.Manifest<CompactConfig>>.load(
      from: folder, withOptimizer: false)
    guard checkpoint.config.model == config.model else {
      throw TrainingError("\(folder): its model configuration is not this run's; pass the same layer sizes")
    }
    guard checkpoint.config.charsetFingerprint == config.charsetFingerprint else {
      throw TrainingError(
        "\(folder): trained with another dictionary (fingerprint \(checkpoint.config.charsetFingerprint), this run's \(config.charsetFingerprint))"
      )
    }
    try checkpoint.restore(into: model)
  }
}
