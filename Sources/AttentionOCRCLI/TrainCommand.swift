// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import OCRCore
import OCRModel
import OCRTraining
import SyntheticData
import Torch

/// Trains the compact model on the synthetic stream, with checkpoints and TensorBoard logs.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train the compact model on synthetic lines.",
    discussion: """
      The run folder receives checkpoints/step-N (the newest --keep), checkpoints/best (the best
      validation character accuracy) and TensorBoard logs in logs/. Ctrl-C (SIGINT) or SIGTERM saves a
      checkpoint before exiting; --resume continues from the newest one exactly (step, optimizer
      state, learning rate and data order).
      """)

  @OptionGroup var compute: ComputeOptions

  @Option(name: .customLong("run"), help: "Run folder (checkpoints and logs).")
  var runFolder: String

  @Flag(help: "Continue the run in --run from its newest checkpoint.")
  var resume = false

  @Option(help: "Training steps in total.")
  var steps: Int = 100_000

  @Option(help: "Lines per step.")
  var batchSize: Int = 32

  @Option(help: "Peak learning rate (AdamW, cosine decay after warm-up).")
  var learningRate: Double = 1e-3

  @Option(help: "Steps between validations.")
  var validateEvery: Int = 1_000

  @Option(help: "Steps between checkpoints.")
  var checkpointEvery: Int = 1_000

  @Option(help: "Step checkpoints to keep.")
  var keep: Int = 3

  @Option(help: "Held-out synthetic lines for validation.")
  var validationSize: Int = 512

  @Option(help: "Threads rendering synthetic lines.")
  var renderThreads: Int = 1

  @Option(help: "Random seed of the run.")
  var seed: UInt64 = 1

  @Option(help: "Dictionary (default: data/dic.txt).")
  var dictionary: String?

  func run() throws {
    let device = try compute.prepare()
    let root = ProjectRoot.locate()
    let charset = try Charset(contentsOf: dictionary ?? "\(root)/data/dic.txt")
    let phrases = try PhraseList(contentsOf: PhraseList.locate(projectRoot: root), charset: charset)
    let fonts = try FontLibrary(charset: charset)
    var options = SyntheticLineGenerator.Options()
    options.seed = seed
    options.maxWidth = 512
    let generator = try SyntheticLineGenerator(
      fonts: fonts, sampler: TextSampler(charset: charset, phrases: phrases), options: options)
    var config = TrainConfig(
      model: CompactConfig(classes: charset.count, nullID: charset.nullID),
      charsetFingerprint: charset.fingerprint)
    config.steps = steps
    config.batchSize = batchSize
    config.learningRate = learningRate
    config.validateEvery = validateEvery
    config.checkpointEvery = checkpointEvery
    config.keepCheckpoints = keep
    config.validationSize = validationSize
    config.seed = seed
    let trainer = try Trainer(
      config: config, charset: charset, generator: generator, runDirectory: runFolder, threads: renderThreads,
      device: device,
      log: say)
    if resume {
      guard let step = try trainer.resume() else {
        throw ValidationError("\(runFolder) has no checkpoint to resume from")
      }
      say("resumed \(runFolder) at step \(step)")
    } else if FileManager.default.fileExists(atPath: "\(runFolder)/checkpoints") {
      throw ValidationError("\(runFolder) already holds a run: pass --resume, or choose another folder")
    }
    say(
      "training \(trainer.model.parameterCount) parameters on \(device), \(fonts.fonts.count) fonts, \(steps) steps of \(batchSize)"
    )
    StopSignal.install()
    try trainer.run()
  }
}

/// Writes a line to standard output at once (print buffers when output goes to a file, and a
/// training log should show progress as it happens).
func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
