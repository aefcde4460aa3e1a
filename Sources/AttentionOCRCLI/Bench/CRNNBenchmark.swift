// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import ReferenceModels
import Torch

/// Median times of one benchmark round.
struct BenchTimings: CustomStringConvertible {
  var trainMilliseconds: Double
  var inferenceMilliseconds: Double

  var description: String {
    String(format: "train %.1f ms/step, inference %.2f ms/image", trainMilliseconds, inferenceMilliseconds)
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
  }

  /// Lines read one at a time cost one reading or several (`Recognizer.otherWaysBelow`), so
  /// their median says little; the mean is the rate a stream of lines is read at.
  static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
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

  /// Milliseconds one call of `body` takes (device work included).
  static func time(device: Device, _ body: () throws -> Void) throws -> Double {
    try Torch.synchronize(device)
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    try Torch.synchronize(device)
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
  }
}

/// Scripts/bench/crnn.py kept running in `--serve` mode, so single steps can alternate
/// between Swift and Python: slow drifts of a shared machine then hit both sides alike.
final class PythonPeer {
  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var buffered = Data()

  init(
    interpreter: String, script: String, arguments: [String] = [], threads: Int, device: Device,
    sameAllocatorSettings: Bool
  ) throws {
    process.executableURL = URL(fileURLWithPath: interpreter)
    process.arguments =
      [script] + arguments + ["--threads", "\(threads)", "--device", device.description, "--serve"]
    if sameAllocatorSettings {
      // The shim keeps freed blocks in glibc's heap (CTorch/runtime.cpp); the same two tunables
      // give Python that allocator, so the ratio compares the bindings, not malloc settings.
      var environment = ProcessInfo.processInfo.environment
      environment["MALLOC_MMAP_MAX_"] = "0"
      environment["MALLOC_TRIM_THRESHOLD_"] = "1073741824"
      process.environment = environment
    }
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    guard try readLine() == "ready" else { throw BenchError("\(script) did not start") }
  }

  deinit {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  /// Runs `count` training steps (or inferences) there; returns their times in milliseconds.
  func run(_ command: String, count: Int) throws -> [Double] {
    input.fileHandleForWriting.write(Data("\(command) \(count)\n".utf8))
    let line = try readLine()
    guard let times = try? JSONDecoder().decode([Double].self, from: Data(line.utf8)) else {
      throw BenchError("unexpected reply from the Python benchmark: \(line)")
    }
    return times
  }

  private func readLine() throws -> String {
    while true {
      if let newline = buffered.firstIndex(of: 0x0A) {
        let line = String(decoding: buffered[buffered.startIndex..<newline], as: UTF8.self)
        buffered = Data(buffered[(newline + 1)...])
        return line
      }
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else {
        throw BenchError("the Python benchmark exited (exit \(process.terminationStatus))")
      }
      buffered += chunk
    }
  }
}

struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
