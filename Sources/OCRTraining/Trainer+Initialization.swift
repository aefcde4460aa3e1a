// SPDX-License-Identifier: Apache-2.0
import NN
import OCRCore
import OCRModel

extension Trainer {
  /// Starts from the weights of a trained model folder (the shipped `models/compact`, or any
  /// checkpoint) instead of random ones, to fine-tune it; the step, the optimizer state and the
  /// schedule start afresh. The folder's layer sizes must be this run's, or its conv layers
  /// narrower (`CompactModel.loadWeights(_:grownFrom:)`); its dropout and encoder run
  /// (`encoderStartsAtLineEnds`) may differ, and this run's are used.
  ///
  /// This run's dictionary may extend the folder's (its `dictionary.txt`), to teach a trained
  /// model new classes such as punctuation: `CompactModel.loadWeights(_:trainedWith:into:)`.
  public func initializeWeights(from folder: String) throws {
    let checkpoint = try Checkpoint<ModelDirectory.Manifest<CompactConfig>>.load(
      from: folder, withOptimizer: false)
    var saved = checkpoint.config.model
    (saved.classes, saved.nullID) = (config.model.classes, config.model.nullID)
    let grows = config.model.canGrow(from: saved)
    guard saved.hasSameWeights(as: config.model) || grows else {
      throw TrainingError(
        "\(folder): its model configuration is not this run's; pass the same layer sizes, or conv channels (--channels) at least as wide as its \(saved.channels)"
      )
    }
    let sameDictionary = checkpoint.config.charsetFingerprint == config.charsetFingerprint
    if grows {
      guard sameDictionary else {
        throw TrainingError(
          "\(folder): widening the conv layers and changing the dictionary are separate runs; widen with the model's own dictionary first"
        )
      }
      do { return try model.loadWeights(checkpoint.modelTensors, grownFrom: saved) } catch {
        throw TrainingError("\(folder): \(error)")
      }
    }
    if sameDictionary { return try checkpoint.restore(into: model) }
    let dictionaryPath = "\(folder)/dictionary.txt"
    let old = try Charset(contentsOf: dictionaryPath)
    guard old.fingerprint == checkpoint.config.charsetFingerprint else {
      throw TrainingError(
        "\(folder): trained with another dictionary (fingerprint \(checkpoint.config.charsetFingerprint)) than its dictionary.txt (\(old.fingerprint))"
      )
    }
    do {
      try model.loadWeights(checkpoint.modelTensors, trainedWith: old, into: charset)
    } catch {
      throw TrainingError("\(folder) (dictionary \(dictionaryPath)): \(error)")
    }
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
