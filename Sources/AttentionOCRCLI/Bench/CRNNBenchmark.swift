// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import ReferenceModels
import Torch

/// Median times of one benchmark round.
struct BenchTimings: CustomStringConvertible, Decodable {
  var trainMilliseconds: Double
  var inferenceMilliseconds: Double

  enum CodingKeys: String, CodingKey {
    case trainMilliseconds = "train_ms"
    case inferenceMilliseconds = "infer_ms"
  }

  var description: String {
    String(format: "train %.1f ms/step, inference %.2f ms/image", trainMilliseconds, inferenceMilliseconds)
  }

  /// The fastest median of each measurement over the rounds.
  static func best(_ rounds: [BenchTimings]) -> BenchTimings {
    BenchTimings(
      trainMilliseconds: rounds.map(\.trainMilliseconds).min() ?? .nan,
      inferenceMilliseconds: rounds.map(\.inferenceMilliseconds).min() ?? .nan)
  }
}

/// The Swift side: the same model, data shapes and step as Scripts/bench/crnn.py.
struct CRNNBenchmark {
  static let classes = 5463
  let model: CRNN
  let optimizer: Adam
  let images: Tensor
  let targets: Tensor
  let single: Tensor
  let device: Device

  init(device: Device) throws {
    try Torch.manualSeed(0)
    model = try CRNN(classes: Self.classes)
    try model.move(to: device)
    optimizer = Adam(for: model, learningRate: 1e-4)
    images = try Tensor.randn([32, 1, 32, 256], device: device)
    targets = try (Tensor.rand([32, 10], device: device) * Double(Self.classes - 1) + 1).floor().to(.int64)
    single = try Tensor.randn([1, 1, 32, 256], device: device)
    self.device = device
  }

  func trainStep() throws {
    try model.zeroGrad()
    let logProbs = try model(images).logSoftmax(dim: 2)  // [T, N, classes]
    let loss = try Functional.ctcLoss(
      logProbs: logProbs, targets: targets, inputLengths: Array(repeating: 64, count: 32),
      targetLengths: Array(repeating: 10, count: 32), zeroInfinity: true)
    try loss.backward()
    try optimizer.step()
  }

  func infer() throws {
    _ = try withNoGrad { () throws(TorchError) in try model(single).argmax(dim: 2) }
  }

  func measure(warmup: Int, steps: Int, inferenceRepeats: Int) throws -> BenchTimings {
    model.train()
    let train = try Self.median(warmup: warmup, repeats: steps, device: device) { try trainStep() }
    model.eval()
    let inference = try Self.median(warmup: warmup, repeats: inferenceRepeats, device: device) { try infer() }
    return BenchTimings(trainMilliseconds: train, inferenceMilliseconds: inference)
  }

  static func median(warmup: Int, repeats: Int, device: Device, _ body: () throws -> Void) throws -> Double {
    for _ in 0..<warmup { try body() }
    var times: [Double] = []
    for _ in 0..<repeats {
      try Torch.synchronize(device)
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      try Torch.synchronize(device)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    return times[times.count / 2]
  }
}

/// Runs Scripts/bench/crnn.py and reads its JSON line.
enum PythonReference {
  static func run(
    interpreter: String, script: String, threads: Int, steps: Int, warmup: Int, inferenceRepeats: Int,
    device: Device, sameAllocatorSettings: Bool
  ) throws -> BenchTimings {
    let process = Process()
    if sameAllocatorSettings {
      // The shim keeps freed blocks in glibc's heap (CTorch/runtime.cpp); the same two tunables
      // give Python that allocator, so the ratio compares the bindings, not malloc settings.
      var environment = ProcessInfo.processInfo.environment
      environment["MALLOC_MMAP_MAX_"] = "0"
      environment["MALLOC_TRIM_THRESHOLD_"] = "1073741824"
      process.environment = environment
    }
    process.executableURL = URL(fileURLWithPath: interpreter)
    process.arguments = [
      script, "--threads", "\(threads)", "--steps", "\(steps)", "--warmup", "\(warmup)",
      "--inference-repeats", "\(inferenceRepeats)", "--device", device.description,
    ]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
      let timings = try? JSONDecoder().decode(BenchTimings.self, from: Data(line.utf8))
    else {
      throw BenchError(
        "\(script) failed (exit \(process.terminationStatus)): \(String(decoding: data, as: UTF8.self))")
    }
    return timings
  }
}

struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// The package folder: found upward from the working directory, else from the executable.
enum ProjectRoot {
  static func locate() -> String {
    let fm = FileManager.default
    for start in [
      fm.currentDirectoryPath,
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path,
    ] {
      var url = URL(fileURLWithPath: start).standardizedFileURL
      while url.path != "/" {
        if fm.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        url.deleteLastPathComponent()
      }
    }
    return fm.currentDirectoryPath
  }
}
