// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import PythonCheck
import TestScratch
import Testing
import Torch
import TorchTestSupport

struct ToyConfig: Codable, Equatable {
  var hidden: Int
  var charset: String
}

@Suite(.serialized) struct CheckpointTests {
  let folder = Scratch.folder("checkpoint-tests")

  func trainStep(_ model: Sequential, _ optimizer: any Optimizer, _ x: Tensor, _ y: Tensor) throws -> Float {
    try model.zeroGrad()
    let loss = try (model(x) - y).square().mean()
    try loss.backward()
    try optimizer.step()
    return try loss.floatValue()
  }

  /// Saving after step 3 and resuming in a fresh model and optimizer must continue exactly as
  /// the uninterrupted run does.
  @Test func resumingContinuesExactly() throws {
    try Torch.manualSeed(11)
    let x = try Tensor.randn([8, 6])
    let y = try Tensor.randn([8, 3])
    let model = try smallMLP()
    let optimizer = Adam(for: model, learningRate: 0.01)
    for _ in 0..<3 { _ = try trainStep(model, optimizer, x, y) }
    let path = "\(folder)/step-3"
    try Checkpoint.save(
      module: model, optimizer: optimizer, step: 3, config: ToyConfig(hidden: 5, charset: "abc"), to: path)
    let uninterrupted = try (0..<3).map { _ in try trainStep(model, optimizer, x, y) }

    let resumedModel = try smallMLP()
    let resumedOptimizer = Adam(for: resumedModel, learningRate: 0.01)
    let checkpoint = try Checkpoint<ToyConfig>.load(from: path)
    #expect(checkpoint.step == 3)
    #expect(checkpoint.config == ToyConfig(hidden: 5, charset: "abc"))
    try checkpoint.restore(into: resumedModel, optimizer: resumedOptimizer)
    #expect(resumedOptimizer.stepCount == 3)
    let resumed = try (0..<3).map { _ in try trainStep(resumedModel, resumedOptimizer, x, y) }
    #expect(resumed == uninterrupted)
  }

  @Test func checkpointFilesLoadInPythonSafetensors() throws {
    let model = try smallMLP()
    let optimizer = SGD(for: model, learningRate: 0.1, momentum: 0.9)
    try model.zeroGrad()
    try model(Tensor.randn([2, 6])).sum().backward()
    try optimizer.step()
    let path = "\(folder)/python"
    try Checkpoint.save(
      module: model, optimizer: optimizer, step: 1, config: ToyConfig(hidden: 5, charset: ""), to: path)
    let script = """
      import json, sys
      from safetensors.numpy import load_file
      m = load_file(sys.argv[1] + "/model.safetensors")
      o = load_file(sys.argv[1] + "/optimizer.safetensors")
      assert sorted(m) == ["0.bias", "0.weight", "2.bias", "2.weight"], sorted(m)
      assert m["0.weight"].shape == (5, 6)
      assert "momentum_buffer.0.weight" in o and int(o["step"]) == 1
      assert json.load(open(sys.argv[1] + "/checkpoint.json"))["step"] == 1
      print("ok")
      """
    #expect(try PythonVenv.run(["-c", script, path]).contains("ok"))
  }

  @Test func aCorruptCheckpointLoadsNothing() throws {
    let model = try smallMLP()
    let path = "\(folder)/corrupt"
    try Checkpoint.save(module: model, step: 0, config: ToyConfig(hidden: 5, charset: ""), to: path)
    let weights = "\(path)/model.safetensors"
    let bytes = try Data(contentsOf: URL(fileURLWithPath: weights))
    try bytes.prefix(bytes.count - 10).write(to: URL(fileURLWithPath: weights))
    do {
      _ = try Checkpoint<ToyConfig>.load(from: path)
      Issue.record("a truncated checkpoint should not load")
    } catch let error as SafetensorsError {
      #expect(error.path == weights)
      #expect(error.reason.contains("truncated"))
    }
  }

  @Test func aMismatchedModelIsRefusedAndLeftUntouched() throws {
    let path = "\(folder)/mismatch"
    try Checkpoint.save(module: try smallMLP(), step: 0, config: ToyConfig(hidden: 5, charset: ""), to: path)
    let other = Sequential([
      try Linear(inputSize: 6, outputSize: 4), Lambda.tanh, try Linear(inputSize: 4, outputSize: 3),
    ])
    let before = try other.parameters.map { try $0.toArray(of: Float.self) }
    let checkpoint = try Checkpoint<ToyConfig>.load(from: path)
    #expect(throws: StateDictError.self) { try checkpoint.restore(into: other) }
    #expect(try other.parameters.map { try $0.toArray(of: Float.self) } == before)
  }

  /// A step checkpoint copied without its optimizer file still gives its weights to whoever
  /// asks only for them; resuming from it names the missing file.
  @Test func weightsLoadWithoutTheOptimizerFile() throws {
    let model = try smallMLP()
    let path = "\(folder)/copied"
    try Checkpoint.save(
      module: model, optimizer: SGD(for: model, learningRate: 1), step: 4,
      config: ToyConfig(hidden: 5, charset: ""), to: path)
    try FileManager.default.removeItem(atPath: "\(path)/optimizer.safetensors")
    let weights = try Checkpoint<ToyConfig>.load(from: path, withOptimizer: false)
    #expect(weights.step == 4 && weights.optimizerTensors == nil)
    try weights.restore(into: try smallMLP())
    do {
      _ = try Checkpoint<ToyConfig>.load(from: path)
      Issue.record("resuming without the optimizer file should fail")
    } catch {
      #expect("\(error)".contains("optimizer.safetensors"))
    }
  }

  @Test func aCheckpointWithoutOptimizerStateCannotResumeAnOptimizer() throws {
    let model = try smallMLP()
    let path = "\(folder)/weights-only"
    try Checkpoint.save(module: model, step: 0, config: ToyConfig(hidden: 5, charset: ""), to: path)
    let checkpoint = try Checkpoint<ToyConfig>.load(from: path)
    #expect(throws: StateDictError.self) {
      try checkpoint.restore(into: model, optimizer: SGD(for: model, learningRate: 1))
    }
  }

  /// A save interrupted before its final rename leaves only a `.partial-*` folder; the previous
  /// checkpoint under the real name still loads.
  @Test func anInterruptedSaveLeavesThePreviousCheckpoint() throws {
    let model = try smallMLP()
    let path = "\(folder)/latest"
    try Checkpoint.save(module: model, step: 7, config: ToyConfig(hidden: 5, charset: ""), to: path)
    let staging = "\(path).partial-99999"
    try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    try Data([1, 2, 3]).write(to: URL(fileURLWithPath: "\(staging)/model.safetensors"))
    #expect(try Checkpoint<ToyConfig>.load(from: path).step == 7)
    try Checkpoint.save(module: model, step: 8, config: ToyConfig(hidden: 5, charset: ""), to: path)
    #expect(try Checkpoint<ToyConfig>.load(from: path).step == 8)
  }

  @Test func aMissingCheckpointNamesItsPath() throws {
    do {
      _ = try Checkpoint<ToyConfig>.load(from: "\(folder)/nothing-here")
      Issue.record("should throw")
    } catch let error as FileError {
      #expect(error.path.hasSuffix("nothing-here/checkpoint.json"))
    }
  }
}
