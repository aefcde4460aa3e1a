// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import NN
import OCRCore
import OCRData
import OCRModel
import SyntheticData
import Torch

/// Training lines/s and recognition ms/line of both model configurations; the compact training
/// step also against the same model in Python PyTorch, alternating single steps as `bench crnn`.
struct ModelBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "model",
    abstract: "Benchmark training and recognition of the compact and fsns models.",
    discussion: """
      Recognition reads synthetic level-1 lines (32 px high; for fsns, drawn on a 150×600 canvas),
      greedy decoding, one line at a time and in batches. With --model, the compact figures use
      that model (e.g. the shipped one) instead of fresh weights, whose decoding length is arbitrary,
      and the training step is timed on its configuration (its conv channels).
      """)

  @OptionGroup var compute: ComputeOptions

  @Option(help: "Timed training steps per configuration.")
  var steps: Int = 8

  @Option(help: "Timed lines for recognition.")
  var lines: Int = 64

  @Option(help: "Lines per batch for batched recognition.")
  var batch: Int = 16

  @Option(help: "Compact model folder to time recognition with (default: the shipped model if present).")
  var model: String?

  @Option(help: "Configurations to run, comma-separated.")
  var configs: String = "compact,fsns"

  @OptionGroup var pythonSide: PythonOptions

  @OptionGroup var punctuation: PunctuationOptions

  func run() throws {
    let device = try compute.prepare()
    let threads = compute.threads ?? Torch.threadCount
    try Torch.setThreadCount(threads)
    let root = ProjectRoot.locate()
    let charset = try Charset(contentsOf: "\(root)/data/dic.txt")
    let samples = try Self.syntheticLines(count: max(lines, 32), charset: charset, root: root)
    print("model benchmark: \(threads) thread(s) on \(device), \(charset.count) classes")
    let selected = configs.split(separator: ",").map(String.init)
    if selected.contains("compact") {
      // Without --model and without the shipped model, an untrained one is timed instead.
      let folder =
        try model.map { try ModelArgument.resolve($0) }
        ?? ModelArgument.shipped(ModelArgument.defaultModel.rawValue)
      let channels = try folder.map {
        try Checkpoint<ModelDirectory.Manifest<CompactConfig>>.manifest(in: $0).config.model.channels
      }
      let bench = try CompactBench(device: device, charset: charset, channels: channels)
      let peer = try pythonSide.interpreter(projectRoot: root).map {
        try PythonPeer(
          interpreter: $0, script: "\(root)/Scripts/bench/compact.py",
          arguments: ["--channels", bench.channelList],
          threads: threads, device: device, sameAllocatorSettings: true)
      }
      try bench.training(steps: steps, python: peer)
      try bench.recognition(
        lines: Array(samples.prefix(lines)), batch: batch, modelDirectory: folder,
        companionDirectory: try folder.flatMap { try punctuation.companionFolder(forModelIn: $0) })
    }
    if selected.contains("fsns") {
      try FSNSBench(device: device, charset: charset).run(
        steps: max(2, steps / 4), lines: Array(samples.prefix(16)), batch: min(batch, 8))
    }
  }

  /// Level-1 synthetic lines with their texts, the same on every run.
  static func syntheticLines(count: Int, charset: Charset, root: String) throws -> [SyntheticSample] {
    let phrases = try PhraseList(contentsOf: PhraseList.locate(projectRoot: root), charset: charset)
    var options = SyntheticLineGenerator.Options()
    options.seed = 0xBE_7C
    options.maxWidth = 512
    let generator = try SyntheticLineGenerator(
      fonts: FontLibrary(charset: charset), sampler: TextSampler(charset: charset, phrases: phrases),
      options: options)
    return try (0..<count).map { try generator.sample(index: $0, level: 1) }
  }
}

/// Prints one result row: a name, the time, and a per-line rate.
func report(_ name: String, milliseconds: Double, lines: Int) {
  let label = name.padding(toLength: 48, withPad: " ", startingAt: 0)
  print(
    "  \(label)"
      + String(
        format: "%9.2f ms  %8.2f ms/line  %7.1f lines/s", milliseconds, milliseconds / Double(lines),
        Double(lines) * 1000 / milliseconds))
}
