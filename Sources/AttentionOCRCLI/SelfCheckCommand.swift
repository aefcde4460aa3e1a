// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import NN
import ReferenceModels
import Torch

/// Trains a tiny CNN + BiLSTM on a synthetic sequence task and shows the loss falling; then
/// checks that a checkpoint round-trips. Proves the whole stack works on this machine.
struct SelfCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "self-check",
    abstract: "Train a tiny model for a few steps and show the loss falling.")

  @OptionGroup var compute: ComputeOptions

  @Option(help: "Training steps.")
  var steps: Int = 100

  @Option(help: "Random seed.")
  var seed: UInt64 = 1

  func run() throws {
    let device = try compute.prepare()
    try Torch.manualSeed(seed)
    let model = try ToySequenceModel(classes: ToySequenceTask.classes)
    try model.move(to: device)
    let optimizer = Adam(for: model, learningRate: 0.01)
    var task = ToySequenceTask(seed: seed)
    print("self-check: \(model.parameterCount) parameters on \(device), \(steps) Adam steps")
    let start = Date()
    var first: Float = 0, last: Float = 0
    for step in 1...steps {
      let (images, targets) = try task.batch(size: 16, device: device)
      try model.zeroGrad()
      let logits = try model(images)  // [N, T, classes]
      let loss = try Functional.crossEntropy(
        logits: logits.reshaped([-1, ToySequenceTask.classes]), targets: targets.reshaped([-1]))
      try loss.backward()
      try GradientClipping.clipGlobalNorm(model.parameters, maxNorm: 5)
      try optimizer.step()
      last = try loss.floatValue()
      if step == 1 { first = last }
      if step == 1 || step % 10 == 0 || step == steps {
        print(String(format: "  step %4d  loss %.4f", step, last))
      }
    }
    let seconds = Date().timeIntervalSince(start)
    print(String(format: "  %.1f steps/s", Double(steps) / seconds))

    let folder = NSTemporaryDirectory() + "attention-ocr-self-check-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Checkpoint.save(module: model, optimizer: optimizer, step: steps, config: ["task": "toy"], to: folder)
    let restored = try ToySequenceModel(classes: ToySequenceTask.classes)
    try restored.move(to: device)
    try Checkpoint<[String: String]>.load(from: folder).restore(into: restored)
    model.eval()
    restored.eval()
    let (probe, _) = try task.batch(size: 4, device: device)
    let same = try withNoGrad { () throws(TorchError) in
      try (model(probe) - restored(probe)).abs().max().item()
    }
    print("  checkpoint round trip: max difference \(same)")

    guard last < first * 0.5, same == 0 else {
      throw ValidationError("self-check failed: loss \(first) -> \(last), checkpoint difference \(same)")
    }
    print(
      "self-check passed: loss fell from \(String(format: "%.3f", first)) to \(String(format: "%.3f", last))")
  }
}
