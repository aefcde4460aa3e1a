// SPDX-License-Identifier: Apache-2.0
import OCRModel

/// Everything a training run is defined by; saved in every checkpoint so `--resume` continues
/// the same run.
public struct TrainConfig: Codable, Sendable, Equatable {
  public var model: CompactConfig
  /// Fingerprint of the charset the model's classes come from.
  public var charsetFingerprint: String
  public var batchSize = 32
  public var steps = 100_000
  public var learningRate = 1e-3
  public var warmupSteps = 1_000
  public var minimumLearningRate = 1e-5
  public var weightDecay = 1e-4
  public var labelSmoothing = 0.1
  public var clipNorm = 5.0
  public var maxWidth = 512
  public var seed: UInt64 = 1
  /// Curriculum: (first step, levels) pairs; a line's level cycles through its stage's levels.
  public var curriculum: [CurriculumStage] = [
    CurriculumStage(fromStep: 0, levels: [0, 1]), CurriculumStage(fromStep: 5_000, levels: [0, 1, 2, 3]),
    CurriculumStage(fromStep: 30_000, levels: [1, 2, 3, 3]),
  ]
  /// Share of synthetic lines drawn as ID-card fields (`synth --id-cards`), in training and
  /// validation alike; nil (as in runs from before it existed) for none.
  public var idCardShare: Double?
  /// Decay of the moving average of the weights kept beside the trained ones
  /// (`Module.averageTowards`), e.g. 0.999; nil (as in runs from before it existed) keeps none.
  /// With it, validation, `best` and `checkpoints/averaged` hold the averaged weights.
  public var weightAveraging: Double?
  public var validationSize = 512
  public var validateEvery = 1_000
  public var checkpointEvery = 1_000
  public var keepCheckpoints = 3
  public var logEvery = 50
  /// FSNS records mixed into the synthetic stream; nil trains on synthetic lines alone.
  public var records: RecordMix?
  /// FSNS records to validate on instead of held-out synthetic lines.
  public var validationRecords: [String]?

  public init(model: CompactConfig, charsetFingerprint: String) {
    self.model = model
    self.charsetFingerprint = charsetFingerprint
  }

  /// The curriculum level of line `index` (lines are numbered step × batch + position).
  public func level(forLine index: Int) -> Int {
    let step = index / batchSize
    let stage = curriculum.last { $0.fromStep <= step } ?? curriculum[0]
    return stage.levels[index % stage.levels.count]
  }
}

public struct CurriculumStage: Codable, Sendable, Equatable {
  public var fromStep: Int
  public var levels: [Int]

  public init(fromStep: Int, levels: [Int]) {
    self.fromStep = fromStep
    self.levels = levels
  }
}

/// Real (or pre-built) lines from FSNS TFRecords, mixed with the synthetic stream.
public struct RecordMix: Codable, Sendable, Equatable {
  /// Files or globs.
  public var patterns: [String]
  /// Share of each batch drawn from the synthetic stream (0 trains on the records alone).
  public var syntheticFraction: Double

  public init(patterns: [String], syntheticFraction: Double) {
    precondition((0...1).contains(syntheticFraction), "syntheticFraction is a share between 0 and 1")
    self.patterns = patterns
    self.syntheticFraction = syntheticFraction
  }
}
