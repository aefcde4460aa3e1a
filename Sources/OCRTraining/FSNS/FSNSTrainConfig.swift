// SPDX-License-Identifier: Apache-2.0
import OCRModel

/// A training run of the `fsns` model with upstream's optimisation: momentum 0.9 at a fixed
/// 0.004 (or Adam, upstream's `--optimizer=adam`), batch 32, each gradient clipped to norm 2.0 on
/// its own. Saved in every checkpoint.
public struct FSNSTrainConfig: Codable, Sendable, Equatable {
  public var model: FSNSConfig
  public var charsetFingerprint: String
  /// FSNS TFRecord files or globs to train on.
  public var data: [String]
  /// Records to validate on; empty validates on the first `validationSize` training records.
  public var validationData: [String] = []
  public var batchSize = 32
  public var steps = 100_000
  public var learningRate = 0.004
  public var momentum = 0.9
  /// Upstream's `--optimizer`: momentum (the default) or adam (TensorFlow's defaults).
  public var optimizer = FSNSOptimizer.momentum
  public var clipNorm = 2.0
  public var seed: UInt64 = 1
  public var validationSize = 512
  public var validateEvery = 1_000
  /// Training batches that re-estimate batch norm's statistics before each validation (see
  /// `FSNSModel.recalibrateNormalization`); 0 keeps upstream's running averages alone.
  public var recalibrationBatches = 4
  public var checkpointEvery = 1_000
  public var keepCheckpoints = 3
  public var logEvery = 10

  public init(model: FSNSConfig, charsetFingerprint: String, data: [String]) {
    self.model = model
    self.charsetFingerprint = charsetFingerprint
    self.data = data
  }
}

public enum FSNSOptimizer: String, Codable, Sendable, CaseIterable {
  case momentum, adam
}
