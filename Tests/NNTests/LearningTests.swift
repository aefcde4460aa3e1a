// SPDX-License-Identifier: Apache-2.0
import NN
import ReferenceModels
import Testing
import Torch
import TorchTestSupport

@Suite(.serialized) struct LearningTests {
  /// A real learning check (not a timed one): the loss on a toy sequence task must fall from
  /// chance (ln 10 ≈ 2.3) to below 0.1 within 150 Adam steps.
  @Test func tinyCRNNLearnsAToySequenceTask() throws {
    try Torch.manualSeed(5)
    let model = try ToySequenceModel(classes: 10)
    let optimizer = Adam(for: model, learningRate: 0.01)
    var task = ToySequenceTask(seed: 42)
    var losses: [Float] = []
    for _ in 0..<150 {
      let (images, targets) = try task.batch(size: 16, device: .cpu)
      try model.zeroGrad()
      let logits = try model(images)  // [N, T, 10]
      let loss = try Functional.crossEntropy(
        logits: logits.reshaped([-1, 10]), targets: targets.reshaped([-1]))
      try loss.backward()
      try GradientClipping.clipGlobalNorm(model.parameters, maxNorm: 5)
      try optimizer.step()
      losses.append(try loss.floatValue())
    }
    #expect(losses[0] > 1.8)
    let final = losses.suffix(10).reduce(0, +) / 10
    #expect(final < 0.1, "mean loss over the last 10 steps: \(final)")
  }

  /// One full training step (forward, backward, clip, optimizer) must free every tensor it made.
  @Test func aTrainingStepLeaksNoTensorHandles() throws {
    let model = try ToySequenceModel(classes: 10)
    let optimizer = SGD(for: model, learningRate: 0.01, momentum: 0.9)
    var task = ToySequenceTask(seed: 1)
    let (images, targets) = try task.batch(size: 2, device: .cpu)
    func step() throws {
      try model.zeroGrad()
      let logits = try model(images)
      let loss = try Functional.crossEntropy(
        logits: logits.reshaped([-1, 10]), targets: targets.reshaped([-1]))
      try loss.backward()
      try GradientClipping.clipEachNorm(model.parameters, maxNorm: 1)
      try optimizer.step()
    }
    try step()  // the first step creates the optimizer's momentum buffers
    try expectNoLeakedTensors("training step") { try step() }
    try expectNoLeakedTensors("evaluation") {
      model.eval()
      _ = try withNoGrad { () throws(TorchError) in try model(images) }
      model.train()
    }
  }
}
