// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import OCRData
import OCRModel
import SyntheticData
import TestScratch
import Testing
import Torch

@testable import OCRTraining

@Suite(.serialized) struct TrainerTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static func setUp() throws -> (Charset, SyntheticLineGenerator) {
    let charset = try Charset(contentsOf: "\(root)/data/dic.txt")
    let phrases = try PhraseList(contentsOf: PhraseList.locate(projectRoot: root), charset: charset)
    var options = SyntheticLineGenerator.Options()
    options.maxWidth = 256
    let generator = try SyntheticLineGenerator(
      fonts: FontLibrary(charset: charset),
      sampler: TextSampler(charset: charset, phrases: phrases, maximumLength: 6),
      options: options)
    return (charset, generator)
  }

  static func config(_ charset: Charset, steps: Int) -> TrainConfig {
    var model = CompactConfig(classes: charset.count, nullID: charset.nullID)
    model.channels = [8, 16, 16, 16, 24, 32]
    model.encoderHidden = 16
    model.decoderHidden = 32
    model.embedding = 16
    model.attention = 16
    model.maxLength = 8
    var config = TrainConfig(model: model, charsetFingerprint: charset.fingerprint)
    config.batchSize = 4
    config.steps = steps
    config.warmupSteps = 2
    config.validationSize = 4
    config.validateEvery = 1000
    config.checkpointEvery = 3
    config.logEvery = 1000
    config.maxWidth = 256
    return config
  }

  func folder() -> String { Scratch.path("trainer-tests") }

  /// Stopping at step 3 and resuming must end at the same weights as an uninterrupted run.
  @Test func resumingContinuesExactly() throws {
    let (charset, generator) = try Self.setUp()
    let straight = try finishedRun(Self.config(charset, steps: 7), charset, generator)
    let resumed = try resumedRun(Self.config(charset, steps: 7), charset, generator, stopAfter: 3)
    #expect(resumed.step == 7)
    try expectSameWeights(straight.model.stateDict(), resumed.model.stateDict())
  }

  @Test func aStopSignalSavesTheCurrentStep() throws {
    let (charset, generator) = try Self.setUp()
    let run = folder()
    let trainer = try Trainer(
      config: Self.config(charset, steps: 50), charset: charset, generator: generator, runDirectory: run,
      threads: 1,
      log: { _ in })
    StopSignal.set(true)
    defer { StopSignal.set(false) }
    try trainer.run()
    #expect(trainer.step == 0 || trainer.step < 50)
    let saved = try FileManager.default.contentsOfDirectory(atPath: "\(run)/checkpoints")
    #expect(saved.contains(String(format: "step-%09d", trainer.step)))
  }

  /// Grey line records of the 16 d2 crops, built with the project's dataset builder.
  static func lineRecords(_ charset: Charset) throws -> String {
    let folder = Scratch.path("trainer-records")
    var options = DatasetBuilder.Options()
    options.layout = .line(height: 32, maxWidth: 256)
    options.validationFraction = 0
    let inputs = try LabelledImage.scan(folder: "\(root)/Tests/Fixtures/fsns-tfrecord-generate/d2").items
    _ = try DatasetBuilder(charset: charset, options: options).build(inputs, into: folder)
    return folder
  }

  /// With half the batch from records, exactly those lines' texts enter training, and a
  /// resumed run still ends on the uninterrupted run's weights.
  @Test func recordsMixIntoTheStream() throws {
    let (charset, generator) = try Self.setUp()
    let records = try Self.lineRecords(charset)
    var config = Self.config(charset, steps: 4)
    config.model.maxLength = 24
    config.records = RecordMix(patterns: ["\(records)/train-*"], syntheticFraction: 0.5)
    let recordTexts = Set(
      try LabelledImage.scan(folder: "\(Self.root)/Tests/Fixtures/fsns-tfrecord-generate/d2").items.map(
        \.text))
    let trainer = try Trainer(
      config: config, charset: charset, generator: generator, runDirectory: folder(), threads: 1,
      log: { _ in })
    let lines = try trainer.mixedLines(
      0..<16, renderer: SyntheticBatchRenderer(generator: generator, threads: 1))
    #expect(lines.filter { recordTexts.contains($0.text) }.count == 8)
    #expect(lines.allSatisfy { $0.image.height == 32 && $0.image.channels == 1 })

    let straight = try finishedRun(config, charset, generator)
    let resumed = try resumedRun(config, charset, generator, stopAfter: 2)
    try expectSameWeights(straight.model.stateDict(), resumed.model.stateDict())
  }

  /// A diverging run stops with the step named and writes nothing after the last good checkpoint.
  @Test func anInfiniteLossStopsTheRun() throws {
    let (charset, generator) = try Self.setUp()
    var config = Self.config(charset, steps: 40)
    config.learningRate = 1e30
    config.warmupSteps = 0
    config.checkpointEvery = 1000
    let run = folder()
    let trainer = try Trainer(
      config: config, charset: charset, generator: generator, runDirectory: run, threads: 1, log: { _ in })
    #expect {
      try trainer.run()
    } throws: {
      "\($0)".contains("loss became") && "\($0)".contains("the last checkpoint is kept")
    }
    #expect(trainer.step < 40)
    #expect(!FileManager.default.fileExists(atPath: "\(run)/checkpoints"))
  }

  @Test func aMismatchedDictionaryIsRefused() throws {
    let (charset, generator) = try Self.setUp()
    var config = Self.config(charset, steps: 1)
    config.charsetFingerprint = "0"
    #expect(throws: TrainingError.self) {
      try Trainer(config: config, charset: charset, generator: generator, runDirectory: folder(), threads: 1)
    }
  }
}

extension TrainerTests {
  /// A run of `config` in a fresh folder, trained to its last step.
  func finishedRun(_ config: TrainConfig, _ charset: Charset, _ generator: SyntheticLineGenerator) throws
    -> Trainer
  {
    let trainer = try Trainer(
      config: config, charset: charset, generator: generator, runDirectory: folder(), threads: 1,
      log: { _ in })
    try trainer.run()
    return trainer
  }

  /// A run of `config` stopped after `stopAfter` steps, then resumed by a new trainer and
  /// trained to its last step.
  func resumedRun(
    _ config: TrainConfig, _ charset: Charset, _ generator: SyntheticLineGenerator, stopAfter: Int
  ) throws -> Trainer {
    let run = folder()
    try Trainer(
      config: config, charset: charset, generator: generator, runDirectory: run, threads: 1, log: { _ in }
    )
    .run(stopAfter: stopAfter)
    let resumed = try Trainer(
      config: config, charset: charset, generator: generator, runDirectory: run, threads: 1, log: { _ in })
    #expect(try resumed.resume() == stopAfter)
    try resumed.run()
    return resumed
  }

  /// Expects every float tensor of `a` to equal `b`'s bit for bit.
  func expectSameWeights(_ a: [String: Tensor], _ b: [String: Tensor]) throws {
    #expect(Set(a.keys) == Set(b.keys))
    for (name, tensor) in a where tensor.dtype == .float32 {
      #expect(try tensor.toArray(of: Float.self) == b[name]?.toArray(of: Float.self), "\(name)")
    }
  }

  /// A three-step run of the test configuration in a fresh folder.
  func trainer(_ charset: Charset, _ generator: SyntheticLineGenerator) throws -> Trainer {
    try Trainer(
      config: Self.config(charset, steps: 3), charset: charset, generator: generator, runDirectory: folder(),
      threads: 1, log: { _ in })
  }

  /// A run started from another run's checkpoint begins with exactly its weights.
  @Test func aRunCanStartFromATrainedModelsWeights() throws {
    let (charset, generator) = try Self.setUp()
    let trained = try trainer(charset, generator)
    try trained.run()
    let fresh = try trainer(charset, generator)
    try fresh.initializeWeights(from: "\(trained.runDirectory)/checkpoints/step-000000003")
    #expect(fresh.step == 0)
    for (name, tensor) in trained.model.stateDict() where tensor.dtype == .float32 {
      #expect(
        try tensor.toArray(of: Float.self) == fresh.model.stateDict()[name]?.toArray(of: Float.self),
        "\(name)")
    }

    // A model trained before the encoder could start at line ends fine-tunes with it.
    var older = Self.config(charset, steps: 3)
    older.model.encoderStartsAtLineEnds = nil
    let oldRun = try Trainer(
      config: older, charset: charset, generator: generator, runDirectory: folder(), threads: 1, log: { _ in }
    )
    try oldRun.run()
    try fresh.initializeWeights(from: "\(oldRun.runDirectory)/checkpoints/step-000000003")
    #expect(fresh.config.model.encoderStartsAtLineEnds == true)
    // Resuming it starts from all it was saved with: the encoder run, the seed, the schedule.
    let saved = try #require(try Trainer.savedConfig(runDirectory: oldRun.runDirectory, charset: charset))
    #expect(saved.model.encoderStartsAtLineEnds == nil && saved.model.hasSameWeights(as: fresh.config.model))
    #expect(try Trainer.configForResuming(runDirectory: oldRun.runDirectory, charset: charset) == older)
    #expect(try Trainer.savedConfig(runDirectory: folder(), charset: charset) == nil)
    #expect(try Trainer.configForResuming(runDirectory: folder(), charset: charset) == nil)
    // With another dictionary it is refused, by name.
    let otherDictionary = Charset(characters: Array(charset.characters.dropLast(2)))
    #expect {
      try Trainer.configForResuming(runDirectory: oldRun.runDirectory, charset: otherDictionary)
    } throws: { "\($0)".contains(oldRun.runDirectory) && "\($0)".contains("dictionary") }

    var wider = Self.config(charset, steps: 3)
    wider.model.decoderHidden = 48
    let other = try Trainer(
      config: wider, charset: charset, generator: generator, runDirectory: folder(), threads: 1, log: { _ in }
    )
    let error = #expect(throws: TrainingError.self) {
      try other.initializeWeights(from: "\(trained.runDirectory)/checkpoints/step-000000003")
    }
    #expect(error?.description.contains("model configuration") == true)
  }
}

extension TrainerTests {
  /// A run whose dictionary extends a trained model's (data/dic-punct.txt) starts from its
  /// weights: every old class keeps its rows under its character's new id.
  @Test func aRunCanTeachATrainedModelNewClasses() throws {
    let (charset, generator) = try Self.setUp()
    let trained = try trainer(charset, generator)
    try trained.run()
    let checkpoint = "\(trained.runDirectory)/checkpoints/step-000000003"
    let extended = try Charset(contentsOf: "\(Self.root)/data/dic-punct.txt")
    let punctuated = try trainer(extended, generator)
    try punctuated.initializeWeights(from: checkpoint)
    let old = trained.model.stateDict(), new = punctuated.model.stateDict()
    let oldBias = try #require(old["decoder.classifier.bias"]).toArray(of: Float.self)
    let newBias = try #require(new["decoder.classifier.bias"]).toArray(of: Float.self)
    #expect(Array(newBias.prefix(charset.count)) == oldBias)
    #expect(newBias.suffix(from: charset.count).allSatisfy { $0 == oldBias.min() })
    let oldEmbedding = try #require(old["decoder.embedding.weight"])
    let newEmbedding = try #require(new["decoder.embedding.weight"])
    let startRow = { (tensor: Tensor, row: Int) throws -> [Float] in
      try tensor.slice(dim: 0, row, row + 1).contiguous().toArray(of: Float.self)
    }
    #expect(try startRow(newEmbedding, extended.count) == startRow(oldEmbedding, charset.count))
    for (name, tensor) in old
    where tensor.dtype == .float32 && !name.hasPrefix("decoder.classifier")
      && !name.hasPrefix("decoder.embedding")
    {
      #expect(try tensor.toArray(of: Float.self) == new[name]?.toArray(of: Float.self), "\(name)")
    }
  }
}
