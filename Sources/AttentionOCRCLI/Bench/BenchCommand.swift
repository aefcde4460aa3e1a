// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import NN
import ReferenceModels
import Torch

/// `attention-ocr bench`: speed measurements, each printed as ratios or rates from one run.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure speed: the CRNN step against Python PyTorch, or the data pipeline.",
    subcommands: [CRNNBenchCommand.self, DataBenchCommand.self, SynthBenchCommand.self],
    defaultSubcommand: CRNNBenchCommand.self)
}

/// Times a CRNN training step and single-image inference from Swift, then the same model in
/// Python PyTorch on the same torch wheel, alternating the two twice to even out machine noise,
/// and prints the Swift/Python ratio (below 1.00: Swift is faster).
struct CRNNBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crnn",
    abstract: "Benchmark a CRNN training step and inference against Python PyTorch.")

  @OptionGroup var compute: ComputeOptions

  @Option(help: "Timed training steps per round.")
  var steps: Int = 10

  @Option(help: "Untimed warm-up iterations per round.")
  var warmup: Int = 3

  @Option(help: "Timed single-image inferences per round.")
  var inferenceRepeats: Int = 30

  @Option(help: "Rounds; each times Swift then Python. The best median of each side counts.")
  var rounds: Int = 2

  @Option(help: "Python with PyTorch (default: .deps/pytorch-venv from scripts/setup --with-pytorch).")
  var python: String?

  @Flag(help: "Run Python with glibc's default malloc settings instead of the shim's.")
  var pythonDefaultMalloc = false

  @Flag(help: "Time the Swift side only.")
  var swiftOnly = false

  func run() throws {
    let device = try compute.prepare()
    let threads = compute.threads ?? Torch.threadCount
    try Torch.setThreadCount(threads)
    let root = ProjectRoot.locate()
    let interpreter = python ?? "\(root)/.deps/pytorch-venv/bin/python"
    if !swiftOnly && !FileManager.default.isExecutableFile(atPath: interpreter) {
      throw ValidationError(
        "\(interpreter) not found: run scripts/setup --with-pytorch, pass --python, or use --swift-only")
    }
    print("CRNN benchmark: batch 32×1×32×256, 5,463 classes, CTC + Adam; \(threads) thread(s) on \(device)")
    if !swiftOnly {
      print(
        "  python: \(interpreter), \(pythonDefaultMalloc ? "default malloc" : "same malloc settings as the shim")"
      )
    }
    let benchmark = try CRNNBenchmark(device: device)
    print("  parameters: \(benchmark.model.parameterCount)")
    var swift: [BenchTimings] = []
    var reference: [BenchTimings] = []
    for round in 1...rounds {
      swift.append(try benchmark.measure(warmup: warmup, steps: steps, inferenceRepeats: inferenceRepeats))
      print("  round \(round) swift:  \(swift.last!)")
      if !swiftOnly {
        reference.append(
          try PythonReference.run(
            interpreter: interpreter, script: "\(root)/Scripts/bench/crnn.py", threads: threads,
            steps: steps, warmup: warmup, inferenceRepeats: inferenceRepeats, device: device,
            sameAllocatorSettings: !pythonDefaultMalloc))
        print("  round \(round) python: \(reference.last!)")
      }
    }
    let bestSwift = BenchTimings.best(swift)
    print("")
    print("                      swift      python     swift/python")
    guard !reference.isEmpty else {
      print(String(format: "training step    %8.1f ms", bestSwift.trainMilliseconds))
      print(String(format: "single inference %8.2f ms", bestSwift.inferenceMilliseconds))
      return
    }
    let bestPython = BenchTimings.best(reference)
    print(
      String(
        format: "training step    %8.1f ms %8.1f ms   %.2f", bestSwift.trainMilliseconds,
        bestPython.trainMilliseconds, bestSwift.trainMilliseconds / bestPython.trainMilliseconds))
    print(
      String(
        format: "single inference %8.2f ms %8.2f ms   %.2f", bestSwift.inferenceMilliseconds,
        bestPython.inferenceMilliseconds, bestSwift.inferenceMilliseconds / bestPython.inferenceMilliseconds))
  }
}
