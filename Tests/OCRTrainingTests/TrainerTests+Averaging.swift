// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import Testing
import Torch

@testable import OCRTraining

extension TrainerTests {
  /// A run that averages its weights validates and saves the average as a model folder of its
  /// own, and a run stopped and resumed ends on the same average as an uninterrupted one.
  @Test func averagedWeightsAreSavedAndResumeExactly() throws {
    let (charset, generator) = try Self.setUp()
    var config = Self.config(charset, steps: 7)
    config.weightAveraging = 0.5
    config.validateEvery = 3
    let straight = try finishedRun(config, charset, generator)
    let average = try #require(straight.averagedModel).stateDict()
    let trained = straight.model.stateDict()
    let floatNames = trained.filter { $0.value.dtype == .float32 }.keys.sorted()
    #expect(
      try floatNames.contains {
        try average[$0]!.toArray(of: Float.self) != trained[$0]!.toArray(of: Float.self)
      })

    let checkpoints = "\(straight.runDirectory)/checkpoints"
    let saved = try Checkpoint<TrainConfig>.load(from: "\(checkpoints)/averaged", withOptimizer: false)
    #expect(saved.step == 7 && saved.config.weightAveraging == 0.5)
    try expectSameWeights(saved.modelTensors, average)
    #expect(FileManager.default.fileExists(atPath: "\(checkpoints)/averaged/dictionary.txt"))

    let resumed = try resumedRun(config, charset, generator, stopAfter: 3)
    try expectSameWeights(try #require(resumed.averagedModel).stateDict(), average)
  }

  /// Without averaging a run keeps no second model and writes no `averaged` folder.
  @Test func aRunWithoutAveragingKeepsNoAverage() throws {
    let (charset, generator) = try Self.setUp()
    let run = try trainer(charset, generator)
    try run.run()
    #expect(run.averagedModel == nil)
    #expect(!FileManager.default.fileExists(atPath: "\(run.runDirectory)/checkpoints/averaged"))
    #expect(
      !FileManager.default.fileExists(
        atPath: "\(run.runDirectory)/checkpoints/step-000000003/\(RunCheckpoints.averagedFile)"))
  }
}
