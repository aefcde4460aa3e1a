// SPDX-License-Identifier: Apache-2.0
import OCRCore
import TFRecord
import Torch

/// The schedule both trainers follow: train a step, log every `logEvery`, validate every
/// `validateEvery`, checkpoint every `checkpointEvery`, and at the end or on SIGINT/SIGTERM save
/// the step reached.
struct TrainingLoop {
  let totalSteps: Int
  let batchSize: Int
  let logEvery: Int
  let validateEvery: Int
  let checkpointEvery: Int
  let logs: SummaryWriter
  let log: (String) -> Void

  /// What one training step reports.
  struct StepResult {
    let lines: Int
    let loss: Double
    let learningRate: Double
  }

  /// Runs `train` (which advances the trainer's step) until `step()` reaches `lastStep` or a
  /// stop is requested; returns the last validation metrics.
  func run(
    step: () -> Int, lastStep: Int, train: () throws -> StepResult, validate: () throws -> RecognitionMetrics,
    save: (RecognitionMetrics?) throws -> Void
  ) throws -> RecognitionMetrics? {
    var metrics: RecognitionMetrics?
    var window = ProgressWindow()
    while step() < lastStep && !StopSignal.isRequested {
      let result = try train()
      let current = step()
      window.add(lines: result.lines, loss: result.loss)
      if current % logEvery == 0 || current == totalSteps {
        try window.report(
          step: current, totalSteps: totalSteps, batchSize: batchSize, learningRate: result.learningRate,
          logs: logs, log: log)
      }
      if current % validateEvery == 0 || current == totalSteps { metrics = try validate() }
      if current % checkpointEvery == 0 || current == totalSteps { try save(metrics) }
    }
    let current = step()
    if StopSignal.isRequested
      || (current == lastStep && current % checkpointEvery != 0 && current != totalSteps)
    {
      log(
        StopSignal.isRequested ? "stop requested: saving step \(current)" : "stopping after step \(current)")
      try save(nil)
    }
    return metrics
  }

  /// The loss as a number; a NaN or infinite one stops the run before anything is saved.
  static func checkedLoss(_ loss: Tensor, step: Int) throws -> Double {
    let value = try loss.item()
    guard value.isFinite else {
      throw TrainingError("loss became \(value) at step \(step + 1); stopped, the last checkpoint is kept")
    }
    return value
  }
}
