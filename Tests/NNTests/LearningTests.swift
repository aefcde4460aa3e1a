// SPDX-License-Identifier: Apache-2.0
import NN
import Testing
import Torch
import TorchTestSupport

/// A tiny CNN + BiLSTM that reads a sequence of digits drawn as column patterns.
final class TinyCRNN: Module, Layer {
  let conv: Conv2d
  let norm: BatchNorm2d
  let lstm: LSTM
  let classifier: Linear

  init(classes: Int) throws(TorchError) {
    conv = try Conv2d(inputChannels: 1, outputChannels: 8, kernelSize: 3, padding: 1)
    norm = try BatchNorm2d(channels: 8)
    lstm = try LSTM(inputSize: 8 * 4, hiddenSize: 16, bidirectional: true)
    classifier = try Linear(inputSize: 32, outputSize: classes)
    super.init()
    register(conv, as: "conv")
    register(norm, as: "norm")
    register(lstm, as: "lstm")
    register(classifier, as: "classifier")
  }

  /// x: [N, 1, 8, W] -> logits [N, W/2, classes].
  func forward(_ x: Tensor) throws(TorchError) -> Tensor {
    let features = try Functional.maxPool2d(norm(conv(x)).relu(), kernel: (2, 2))  // [N, 8, 4, W/2]
    let n = features.shape[0], w = features.shape[3]
    let columns = try features.permuted([3, 0, 1, 2]).reshaped([w, n, 8 * 4])  // [T, N, C·H]
    return try classifier(lstm(columns)).transposed(0, 1)  // [N, T, classes]
  }
}

/// Draws each label as a 2-pixel-wide column whose lit rows spell the digit in binary.
func toyBatch(_ labels: [[Int]]) throws(TorchError) -> Tensor {
  let steps = labels[0].count
  var pixels = [Float](repeating: 0, count: labels.count * 8 * steps * 2)
  for (n, label) in labels.enumerated() {
    for (t, digit) in label.enumerated() {
      for row in 0..<8 where (digit >> (row / 2)) & 1 == 1 {
        for dx in 0..<2 { pixels[((n * 8) + row) * steps * 2 + t * 2 + dx] = 1 }
      }
    }
  }
  return try Tensor(pixels, shape: [labels.count, 1, 8, steps * 2])
}

@Suite(.serialized) struct LearningTests {
  /// A real learning check (not a timed one): the loss on a toy sequence task must fall from
  /// chance (ln 10 ≈ 2.3) to below 0.1 within 150 Adam steps.
  @Test func tinyCRNNLearnsAToySequenceTask() throws {
    try Torch.manualSeed(5)
    let model = try TinyCRNN(classes: 10)
    let optimizer = Adam(for: model, learningRate: 0.01)
    var losses: [Float] = []
    var seed: UInt64 = 42
    func nextDigit() -> Int {
      seed = seed &* 6364136223846793005 &+ 1442695040888963407
      return Int((seed >> 33) % 10)
    }
    for _ in 0..<150 {
      let labels = (0..<16).map { _ in (0..<6).map { _ in nextDigit() } }
      let targets = try Tensor(labels.flatMap { $0.map(Int64.init) }, shape: [16, 6])
      try model.zeroGrad()
      let logits = try model(toyBatch(labels))  // [N, T, 10]
      let loss = try Functional.crossEntropy(logits: logits.reshaped([-1, 10]), targets: targets.reshaped([-1]))
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
    let model = try TinyCRNN(classes: 10)
    let optimizer = SGD(for: model, learningRate: 0.01, momentum: 0.9)
    let labels = [[1, 2, 3, 4], [5, 6, 7, 8]]
    let targets = try Tensor(labels.flatMap { $0.map(Int64.init) })
    func step() throws {
      try model.zeroGrad()
      let logits = try model(toyBatch(labels))
      let loss = try Functional.crossEntropy(logits: logits.reshaped([-1, 10]), targets: targets)
      try loss.backward()
      try GradientClipping.clipEachNorm(model.parameters, maxNorm: 1)
      try optimizer.step()
    }
    try step()  // the first step creates the optimizer's momentum buffers
    try expectNoLeakedTensors("training step") { try step() }
    try expectNoLeakedTensors("evaluation") {
      model.eval()
      _ = try withNoGrad { () throws(TorchError) in try model(toyBatch(labels)) }
      model.train()
    }
  }
}
