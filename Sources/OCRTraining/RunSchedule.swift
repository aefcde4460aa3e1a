// SPDX-License-Identifier: Apache-2.0

/// The settings every training run has, whichever model it trains.
public protocol RunSchedule {
  var steps: Int { get set }
  var batchSize: Int { get set }
  var learningRate: Double { get set }
  var seed: UInt64 { get set }
  var validationSize: Int { get set }
  var validateEvery: Int { get set }
  var checkpointEvery: Int { get set }
  var keepCheckpoints: Int { get set }
}

extension TrainConfig: RunSchedule {}
extension FSNSTrainConfig: RunSchedule {}
