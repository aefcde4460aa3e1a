// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import OCRCore
import OCRModel
import OCRTraining
import Torch

extension TrainCommand {
  /// `--config fsns`: upstream's model and optimisation on FSNS records.
  func runFSNS(device: Device) throws {
    guard let dictionary else {
      throw ValidationError("--config fsns needs the records' charset: pass --dictionary")
    }
    let charset = try Charset(contentsOf: dictionary, allowAliases: true)
    var trainConfig: FSNSTrainConfig
    if resume, let saved = try FSNSTrainer.configForResuming(runDirectory: runFolder, charset: charset) {
      trainConfig = saved
      if !dataPatterns.isEmpty { trainConfig.data = dataPatterns }
    } else {
      guard !dataPatterns.isEmpty else {
        throw ValidationError("--config fsns trains on records: pass --data")
      }
      trainConfig = FSNSTrainConfig(
        model: FSNSConfig(classes: charset.count, nullID: charset.nullID, views: views),
        charsetFingerprint: charset.fingerprint, data: dataPatterns)
    }
    if !validationPatterns.isEmpty { trainConfig.validationData = validationPatterns }
    trainConfig.optimizer = optimizer ?? trainConfig.optimizer
    applySchedule(to: &trainConfig)
    let trainer = try FSNSTrainer(
      config: trainConfig, charset: charset, runDirectory: runFolder, device: device, log: say)
    try startOrResume(trainer.resume)
    say(
      "training \(trainer.model.parameterCount) parameters on \(device), \(trainConfig.steps) steps of \(trainConfig.batchSize)"
    )
    StopSignal.install()
    try trainer.run()
  }
}
