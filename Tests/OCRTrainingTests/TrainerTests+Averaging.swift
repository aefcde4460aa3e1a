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
    let straight = try Trainer(
      config: config, charset: charset, generator: generator, runDirectory: folder(), threads: 1,
      log: { _ in })
    try straight.run()
    let average = try #require(straight.averagedModel).stateDict()
    let trained = straight.model.stateDict()
    let floatNames = trained.filter { $0.value.dtype == .float32 }.keys.sorted()
    #expect(try floatNames.contains { try average[$0]!.toArray(of: Float.self) != trained[$0]!.toArray(of: Float.self) })

    let checkpoints = "\(straight.runDirectory)/checkpoints"
    let saved = try Checkpoint<TrainConfig>.load(from: "\(checkpoints)/averaged", withOptimizer: false)
    #expect(saved.step == 7 && saved.config.weightAveraging == 0.5)
    for name in floatNames {
      #expect(try saved.modelTensors[name]!.toArray(of: Float.self) == average[name]!.toArray(of: Float.self))
    }
    #expect(FileManager.default.fileExists(atPath: "\(checkpoints)/averaged/dictionary.txt"))

    let run = folder()
    try Trainer(
      config: config, charset: charset, generator: generator, runDirectory: run, threads: 1, log: { _ in }
    )
    .run(stopAfter: 3)
    let resumed = try Trainer(
      config: config, charset: charset, generator: generator, runDirectory: run, threads: 1, log: { _ in })
    #expect(try resumed.resume() == 3)
    try resumed.run()
    let resumedAverage = try #require(resumed.averagedModel).stateDict()
    for name in floatNames {
      #expect(try resumedAverage[name]!.toArray(of: Float.self) == average[name]!.toArray(of: Float.self), "\(name)")
    }
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
