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
    abstract: "Train a recognizer on synthetic lines, FSNS TFRecords, or both.",
    discussion: """
      --config compact (the default) trains on the synthetic stream, on --data records, or on a mix
      (--synthetic-fraction). --config fsns trains Google's attention_ocr model on --data records with
      upstream's optimisation (momentum 0.9 at 0.004, per-tensor clipping at 2.0).

      The run folder receives checkpoints/step-N (the newest --keep), checkpoints/best (the best
      validation character accuracy) and TensorBoard logs in logs/. Ctrl-C (SIGINT) or SIGTERM saves a
      checkpoint before exiting; --resume continues from the newest one exactly (step, optimizer
      state, learning rate and data order), with the settings the run was started with: options given
      again (--steps to go on longer, say) change those.
      """)

  @OptionGroup var compute: ComputeOptions

  @OptionGroup var fontOptions: FontOptions

  @Option(help: "Model configuration: compact or fsns.")
  var config: ModelKind = .compact

  @Option(
    name: .customLong("data"), parsing: .upToNextOption,
    help: "FSNS TFRecord files or globs to train on (quote globs).")
  var dataPatterns: [String] = []

  @Option(
    name: .customLong("validation-data"), parsing: .upToNextOption,
    help:
      "FSNS TFRecord files or globs to validate on (default: compact, held-out synthetic lines; fsns, the first training records)."
  )
  var validationPatterns: [String] = []

  @Option(help: "compact: share of each batch drawn from the synthetic stream when --data is given.")
  var syntheticFraction: Double = 0

  @Option(help: "fsns: momentum (upstream's default) or adam.")
  var optimizer: FSNSOptimizer?

  @Option(help: "fsns: views side by side in each image (4 for FSNS signs, 1 for a text line).")
  var views: Int = 4

  @Option(name: .customLong("run"), help: "Run folder (checkpoints and logs).")
  var runFolder: String

  @Flag(help: "Continue the run in --run from its newest checkpoint.")
  var resume = false

  @Option(
    help: ArgumentHelp(
      "compact: start from this trained model's weights to fine-tune it: a model directory or checkpoint, or a shipped model's name (compact, compact-punct).",
      discussion: """
        The step, optimizer state and schedule start afresh. The dictionary is the model's own \
        (its dictionary.txt) unless --dictionary names one that extends it, such as \
        data/dic-punct.txt: the model then learns the new classes.
        """))
  var initFrom: String?

  @Option(
    help: ArgumentHelp(
      "compact: conv tower channels, six comma-separated widths (default 16,32,64,96,128,192).",
      discussion: """
        With --init-from a model of narrower conv layers, the model is widened: it starts \
        reading as that model did, and the new channels learn from there.
        """),
    transform: TrainCommand.parseChannels)
  var channels: [Int]?

  @Option(help: "Training steps in total (default 100000).")
  var steps: Int?

  @Option(help: "Lines per step (default 32).")
  var batchSize: Int?

  @Option(
    help: "Learning rate (compact: AdamW peak, cosine decay after warm-up, default 0.001; fsns: 0.004).")
  var learningRate: Double?

  @Option(help: "compact: learning-rate warm-up steps (default 1000, at most a tenth of --steps).")
  var warmupSteps: Int?

  @Option(
    help: ArgumentHelp(
      "compact: curriculum as STEP:LEVELS/… (default 0:0,1/5000:0,1,2,3/30000:1,2,3,3).",
      discussion: "From each step on, lines cycle through the stage's levels (0 clean … 3 hardest)."))
  var curriculum: String?

  @Option(
    help: ArgumentHelp(
      "compact: share of synthetic lines drawn as ID-card fields, as synth --id-cards draws them (default 0).",
      discussion: "Training and validation lines alike; a resumed run keeps its own share unless given."))
  var idCardShare: Double?

  @Option(
    help: ArgumentHelp(
      "compact: keep a moving average of the weights with this decay per step, e.g. 0.999 (default none).",
      discussion:
        "Validation, checkpoints/best and checkpoints/averaged then hold the averaged weights; step folders keep the trained ones and the average, so --resume continues both. A resumed run keeps its own decay unless given."
    ))
  var averageWeights: Double?

  @Option(help: "Steps between validations (default 1000).")
  var validateEvery: Int?

  @Option(help: "Steps between checkpoints (default 1000).")
  var checkpointEvery: Int?

  @Option(help: "Step checkpoints to keep (default 3).")
  var keep: Int?

  @Option(help: "Lines to validate on (default 512).")
  var validationSize: Int?

  @Option(help: "Threads rendering synthetic lines.")
  var renderThreads: Int = 1

  @Option(help: "Random seed of the run (default 1).")
  var seed: UInt64?

  @Option(help: "Dictionary or charset file (default: the --init-from model's, else data/dic.txt).")
  var dictionary: String?

  func validate() throws {
    if initFrom != nil && resume {
      throw ValidationError("--init-from starts a new run; it cannot be combined with --resume")
    }
    if initFrom != nil && config == .fsns { throw ValidationError("--init-from is for --config compact") }
    if averageWeights != nil && config == .fsns {
      throw ValidationError("--average-weights is for --config compact")
    }
    if channels != nil && (resume || config == .fsns) {
      throw ValidationError(
        "--channels sets the layer sizes of a new compact run; a resumed run keeps its own")
    }
  }

  /// --channels as six widths.
  static func parseChannels(_ channels: String) throws -> [Int] {
    let widths = channels.split(separator: ",", omittingEmptySubsequences: false).map {
      Int($0.trimmingCharacters(in: .whitespaces)) ?? 0
    }
    guard widths.count == 6, widths.allSatisfy({ $0 > 0 }) else {
      throw ValidationError("--channels takes six positive comma-separated widths, got '\(channels)'")
    }
    return widths
  }

  /// The dictionary a run uses without --dictionary: the one of the model it starts from, so
  /// that fine-tuning a model keeps its classes (the shipped one reads punctuation).
  func defaultDictionary(root: String, initFolder: String?) -> String {
    if let initFolder, FileManager.default.fileExists(atPath: "\(initFolder)/dictionary.txt") {
      return "\(initFolder)/dictionary.txt"
    }
    return "\(root)/data/dic.txt"
  }

  func run() throws {
    let device = try compute.prepare()
    if config == .fsns { return try runFSNS(device: device) }
    let root = ProjectRoot.locate()
    let initFolder = try initFrom.map { try ModelArgument.resolve($0) }
    let charset = try Charset(contentsOf: dictionary ?? defaultDictionary(root: root, initFolder: initFolder))
    let phrases = try PhraseList(contentsOf: PhraseList.locate(projectRoot: root), charset: charset)
    var trainConfig = TrainConfig(
      model: CompactConfig(classes: charset.count, nullID: charset.nullID),
      charsetFingerprint: charset.fingerprint)
    if let channels { trainConfig.model.channels = channels }
    if resume, let saved = try Trainer.configForResuming(runDirectory: runFolder, charset: charset) {
      trainConfig = saved
    }
    applySchedule(to: &trainConfig)
    trainConfig.warmupSteps = warmupSteps ?? trainConfig.warmupSteps
    if let curriculum {
      do { trainConfig.curriculum = try CurriculumStage.parseCurriculum(curriculum) } catch {
        throw ValidationError(error.description)
      }
    }
    if let idCardShare {
      guard (0...1).contains(idCardShare) else {
        throw ValidationError("--id-card-share is a share between 0 and 1, got \(idCardShare)")
      }
      trainConfig.idCardShare = idCardShare
    }
    if let averageWeights {
      guard (0..<1).contains(averageWeights) else {
        throw ValidationError(
          "--average-weights is a decay from 0 up to (not including) 1, got \(averageWeights)")
      }
      trainConfig.weightAveraging = averageWeights
    }
    if !validationPatterns.isEmpty { trainConfig.validationRecords = validationPatterns }
    if !dataPatterns.isEmpty {
      guard (0...1).contains(syntheticFraction) else {
        throw ValidationError("--synthetic-fraction is a share between 0 and 1, got \(syntheticFraction)")
      }
      trainConfig.records = RecordMix(patterns: dataPatterns, syntheticFraction: syntheticFraction)
    }
    let fonts = try fontOptions.library(charset: charset)
    let fontSplit = HeldOutSplit.fonts(in: fonts)
    let latinSplit = HeldOutSplit.latinFonts(in: fonts)
    let phraseSplit = HeldOutSplit.phrases(phrases)
    var options = SyntheticLineGenerator.Options()
    options.seed = trainConfig.seed
    options.maxWidth = 512
    options.fontIndices = fontSplit.training
    options.latinFontIndices = latinSplit.training
    options.idCardShare = trainConfig.idCardShare ?? 0
    let generator = try SyntheticLineGenerator(
      fonts: fonts, sampler: TextSampler(charset: charset, phrases: phraseSplit.training), options: options)
    options.seed = trainConfig.seed &+ 0x5EED_0F_7E57
    options.fontIndices = fontSplit.validation
    options.latinFontIndices = latinSplit.validation
    let validationGenerator = try SyntheticLineGenerator(
      fonts: fonts, sampler: TextSampler(charset: charset, phrases: phraseSplit.validation), options: options)
    say(
      "validation fonts (never trained on): "
        + (fontSplit.validation + latinSplit.validation).map { fonts.info($0).familyName }
        .reduce(into: [String]()) { names, name in if names.last != name { names.append(name) } }
        .joined(separator: ", "))
    let trainer = try Trainer(
      config: trainConfig, charset: charset, generator: generator, validationGenerator: validationGenerator,
      runDirectory: runFolder,
      threads: renderThreads,
      device: device,
      log: say)
    try startOrResume(trainer.resume)
    if let initFolder {
      try trainer.initializeWeights(from: initFolder)
      say("starting from the weights of \(initFolder)")
    }
    say(
      "training \(trainer.model.parameterCount) parameters on \(device), \(fontSplit.training.count) training fonts (and \(latinSplit.training.count) Latin faces), \(trainConfig.steps) steps of \(trainConfig.batchSize), seed \(trainConfig.seed)"
    )
    StopSignal.install()
    try trainer.run()
  }
}

extension TrainCommand {
  /// Copies the options every run has into `config`, those given only: the rest keep the new
  /// run's defaults, or a resumed run's own settings.
  func applySchedule<Config: RunSchedule>(to config: inout Config) {
    config.steps = steps ?? config.steps
    config.batchSize = batchSize ?? config.batchSize
    config.learningRate = learningRate ?? config.learningRate
    config.validateEvery = validateEvery ?? config.validateEvery
    config.checkpointEvery = checkpointEvery ?? config.checkpointEvery
    config.keepCheckpoints = keep ?? config.keepCheckpoints
    config.validationSize = validationSize ?? config.validationSize
    config.seed = seed ?? config.seed
  }

  /// Restores the run's newest checkpoint with --resume; without it, refuses a folder that
  /// already holds a run.
  func startOrResume(_ restore: () throws -> Int?) throws {
    if resume {
      guard let step = try restore() else {
        throw ValidationError("\(runFolder) has no checkpoint to resume from")
      }
      say("resumed \(runFolder) at step \(step)")
    } else if FileManager.default.fileExists(atPath: "\(runFolder)/checkpoints") {
      throw ValidationError("\(runFolder) already holds a run: pass --resume, or choose another folder")
    }
  }
}

/// The model configurations `train`, `eval` and `recognize` know.
enum ModelKind: String, ExpressibleByArgument, CaseIterable {
  case compact, fsns
}

/// Writes a line to standard output at once (print buffers when output goes to a file, and a
/// training log should show progress as it happens).
func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

extension FSNSOptimizer: ExpressibleByArgument {}
