// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import OCRModel
import OCRTraining
import TestScratch
import Testing
import Torch

@Suite(.serialized) struct FSNSTrainerTests {
  static let fixtures = "\(TrainerTests.root)/Tests/Fixtures/fsns"

  /// The 5 real FSNS records at a quarter of the size (4 views of 75×75), so a step is quick.
  static func config(_ charset: Charset, steps: Int) -> FSNSTrainConfig {
    var model = FSNSConfig(classes: charset.count, nullID: charset.nullID)
    model.imageHeight = 75
    model.imageWidth = 300
    model.sequenceLength = 20
    var config = FSNSTrainConfig(
      model: model, charsetFingerprint: charset.fingerprint, data: ["\(fixtures)/fsns-00000-of-00001"])
    config.batchSize = 2
    config.steps = steps
    config.validationSize = 2
    config.validateEvery = 3
    config.recalibrationBatches = 2
    config.checkpointEvery = 2
    config.logEvery = 1000
    return config
  }

  static func charset() throws -> Charset {
    try Charset(contentsOf: "\(fixtures)/charset_size=134.txt", allowAliases: true)
  }

  func folder() -> String { Scratch.path("fsns-trainer-tests") }

  /// Upstream's optimiser and clipping continue exactly across a stop: momentum buffers, step
  /// and record order all come back.
  @Test func resumingContinuesExactly() throws {
    let charset = try Self.charset()
    let straight = try FSNSTrainer(
      config: Self.config(charset, steps: 4), charset: charset, runDirectory: folder(), log: { _ in })
    let metrics = try straight.run()
    #expect(metrics?.total.examples == 2)

    let run = folder()
    try FSNSTrainer(
      config: Self.config(charset, steps: 4), charset: charset, runDirectory: run, log: { _ in }
    )
    .run(stopAfter: 2)
    let resumed = try FSNSTrainer(
      config: Self.config(charset, steps: 4), charset: charset, runDirectory: run, log: { _ in })
    #expect(try resumed.resume() == 2)
    try resumed.run()
    let a = straight.model.stateDict(), b = resumed.model.stateDict()
    #expect(Set(a.keys) == Set(b.keys))
    for (name, tensor) in a where tensor.dtype == .float32 {
      #expect(try tensor.toArray(of: Float.self) == b[name]?.toArray(of: Float.self), "\(name)")
    }
    let saved = try FileManager.default.contentsOfDirectory(atPath: "\(run)/checkpoints")
    #expect(saved.contains("best") && saved.contains("step-000000004"))
    #expect(FileManager.default.fileExists(atPath: "\(run)/checkpoints/best/dictionary.txt"))
  }

  @Test func aTruncatedRecordFileIsNamed() throws {
    let charset = try Self.charset()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(Self.fixtures)/fsns-00000-of-00001"))
    let truncated = Scratch.path("truncated")
    try bytes.prefix(bytes.count - 100).write(to: URL(fileURLWithPath: truncated))
    var config = Self.config(charset, steps: 1)
    config.data = [truncated]
    #expect {
      try FSNSTrainer(config: config, charset: charset, runDirectory: folder(), log: { _ in })
    } throws: { "\($0)".contains(truncated) }
  }
}
