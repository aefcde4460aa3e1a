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
    abstract: "Measure speed: the CRNN step against Python PyTorch, the two models, or the data pipeline.",
    subcommands: [
      CRNNBenchCommand.self, ModelBenchCommand.self, DataBenchCommand.self, SynthBenchCommand.self,
    ],
    defaultSubcommand: CRNNBenchCommand.self)
}

/// Times a CRNN training step and single-image inference from Swift and from Python PyTorch
/// on the same torch wheel, alternating single steps between the two so that the machine's
/// load drifts hit both alike, and prints the Swift/Python ratio of the medians (below 1.00:
/// Swift is faster).
struct CRNNBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crnn",
    abstract: "Benchmark a CRNN training step and inference against Python PyTorch.")

  @OptionGroup var compute: ComputeOptions

  @Option(help: "Timed training steps on each side.")
  var steps: Int = 12

  @Option(help: "Untimed warm-up iterations on each side.")
  var warmup: Int = 3

  @Option(help: "Timed single-image inferences on each side.")
  var inferenceRepeats: Int = 60

  @OptionGroup var pythonSide: PythonOptions

  @Flag(help: "Run Python with glibc's default malloc settings instead of the shim's.")
  var pythonDefaultMalloc = false

  func run() throws {
    let device = try compute.prepare()
    let threads = compute.threads ?? Torch.threadCount
    try Torch.setThreadCount(threads)
    let root = ProjectRoot.locate()
    let interpreter = try pythonSide.interpreter(projectRoot: root)
    print("CRNN benchmark: batch 32×1×32×256, 5,463 classes, CTC + Adam; \(threads) thread(s) on \(device)")
    let benchmark = try CRNNBenchmark(device: device)
    print("  parameters: \(benchmark.model.parameterCount)")
    let peer = try interpreter.map {
      try PythonPeer(
        interpreter: $0, script: "\(root)/Scripts/bench/crnn.py", threads: threads, device: device,
        sameAllocatorSettings: !pythonDefaultMalloc)
    }
    if let interpreter {
      print(
        "  python: \(interpreter), \(pythonDefaultMalloc ? "default malloc" : "same malloc settings as the shim")"
      )
    }
    var swiftTimes = (train: [Double](), infer: [Double]())
    var pythonTimes = (train: [Double](), infer: [Double]())
    benchmark.model.train()
    for _ in 0..<warmup { try benchmark.trainStep() }
    _ = try peer?.run("train", count: warmup)
    for _ in 0..<steps {
      swiftTimes.train.append(try CRNNBenchmark.time(device: device) { try benchmark.trainStep() })
      if let peer { pythonTimes.train += try peer.run("train", count: 1) }
    }
    benchmark.model.eval()
    for _ in 0..<warmup { try benchmark.infer() }
    _ = try peer?.run("infer", count: warmup)
    for _ in 0..<inferenceRepeats {
      swiftTimes.infer.append(try CRNNBenchmark.time(device: device) { try benchmark.infer() })
      if let peer { pythonTimes.infer += try peer.run("infer", count: 1) }
    }
    let swift = BenchTimings(
      trainMilliseconds: BenchTimings.median(swiftTimes.train),
      inferenceMilliseconds: BenchTimings.median(swiftTimes.infer))
    print("")
    guard peer != nil else {
      print(String(format: "training step    %8.1f ms", swift.trainMilliseconds))
      print(String(format: "single inference %8.2f ms", swift.inferenceMilliseconds))
      return
    }
    let python = BenchTimings(
      trainMilliseconds: BenchTimings.median(pythonTimes.train),
      inferenceMilliseconds: BenchTimings.median(pythonTimes.infer))
    print("medians            swift      python     swift/python")
    print(
      String(
        format: "training step    %8.1f ms %8.1f ms   %.2f", swift.trainMilliseconds,
        python.trainMilliseconds,
        swift.trainMilliseconds / python.trainMilliseconds))
    print(
      String(
        format: "single inference %8.2f ms %8.2f ms   %.2f", swift.inferenceMilliseconds,
        python.inferenceMilliseconds, swift.inferenceMilliseconds / python.inferenceMilliseconds))
  }
}
