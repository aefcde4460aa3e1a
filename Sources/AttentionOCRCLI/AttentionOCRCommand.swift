// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Torch

@main
struct AttentionOCRCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "attention-ocr",
    abstract: "Chinese text-line recognition with an attention model, in Swift over libtorch.",
    version: "0.1.0",
    subcommands: [
      SelfCheckCommand.self, TrainCommand.self, EvalCommand.self, RecognizeCommand.self,
      CalibrateCommand.self, BlendCommand.self,
      MakeDatasetCommand.self, SynthCommand.self, PlotCommand.self, BenchCommand.self, InfoCommand.self,
    ],
    defaultSubcommand: SelfCheckCommand.self
  )
}

/// Options every compute command shares.
struct ComputeOptions: ParsableArguments {
  @Option(help: "Where to compute: cpu, cuda or cuda:N.")
  var device: String = "cpu"

  @Option(help: "Threads for libtorch's CPU kernels (default: libtorch's choice).")
  var threads: Int?

  /// Applies the thread count and returns the checked device.
  func prepare() throws -> Device {
    guard let parsed = Device(device) else {
      throw ValidationError("unknown device '\(device)': use cpu, cuda or cuda:N")
    }
    try Torch.validate(parsed)
    if let threads { try Torch.setThreadCount(threads) }
    return parsed
  }
}

struct InfoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "info", abstract: "Print the libtorch build and the devices it can use.")

  func run() throws {
    print("threads: \(Torch.threadCount)")
    print("cuda: \(Torch.isCUDAAvailable ? "\(Torch.cudaDeviceCount) device(s)" : "not available")")
  }
}
