// SPDX-License-Identifier: Apache-2.0
// Each layer, forward and backward, against the same PyTorch module with the same weights.
// Fixtures: Scripts/reference/make_fixtures.py (module_case).
import NN
import Testing
import Torch
import TorchTestSupport

/// Loads PyTorch's weights into `module`, runs `forward`, and compares the output, the input
/// gradient, every parameter gradient and every buffer with PyTorch's.
func checkLayer(
  _ name: String, _ module: Module, training: Bool = true,
  sourceLocation: SourceLocation = #_sourceLocation, forward: (Tensor) throws -> Tensor
) throws {
  let fixture = try Fixture(name, bundle: .module)
  try module.loadStateDict(fixture.group("param"))
  module.train(training)
  let input = try fixture["input"].clone()
  if input.dtype.isFloatingPoint { try input.requiringGrad() }
  let output = try forward(input)
  try expectClose(output, fixture["output"], "\(name) output", sourceLocation: sourceLocation)
  try (output * fixture["upstream"]).sum().backward()
  if let expected = fixture.tensors["grad.input"] {
    try expectClose(#require(input.grad), expected, "\(name) input grad", sourceLocation: sourceLocation)
  }
  let parameters = Dictionary(
    uniqueKeysWithValues: module.namedTensors().map { ($0.name, $0.parameter.tensor) })
  for (key, expected) in fixture.group("grad.param") {
    let grad = try #require(parameters[key]?.grad, "\(name): no gradient for \(key)")
    try expectClose(grad, expected, "\(name) grad of \(key)", sourceLocation: sourceLocation)
  }
  for (key, expected) in fixture.group("buffer_after") {
    let buffer = try #require(parameters[key], "\(name): no buffer \(key)")
    try expectClose(buffer, expected, "\(name) buffer \(key)", sourceLocation: sourceLocation)
  }
}

@Suite struct LayerGoldenTests {
  @Test func linear() throws {
    let layer = try Linear(inputSize: 5, outputSize: 3)
    try checkLayer("linear", layer) { try layer($0) }
  }

  @Test func conv2d() throws {
    let layer = try Conv2d(
      inputChannels: 3, outputChannels: 4, kernelSize: (3, 2), stride: (1, 2), padding: (1, 0))
    try checkLayer("conv2d", layer) { try layer($0) }
  }

  @Test func batchNormTrainingUpdatesRunningStatistics() throws {
    let layer = try BatchNorm2d(channels: 3)
    try checkLayer("batchnorm2d_train", layer) { try layer($0) }
  }

  @Test func batchNormEvaluationUsesRunningStatistics() throws {
    let layer = try BatchNorm2d(channels: 3)
    try checkLayer("batchnorm2d_eval", layer, training: false) { try layer($0) }
  }

  @Test func embeddingWithPaddingIndex() throws {
    let fixture = try Fixture("embedding", bundle: .module)
    let layer = try Embedding(count: 10, dimension: 4, paddingIndex: 0)
    try layer.loadStateDict(fixture.group("param"))
    let output = try layer(fixture["indices"])
    try expectClose(output, fixture["output"])
    try (output * fixture["upstream"]).sum().backward()
    try expectClose(#require(layer.weight.tensor.grad), fixture["grad.param.weight"])
  }

  @Test func bidirectionalTwoLayerLSTM() throws {
    let layer = try LSTM(inputSize: 6, hiddenSize: 5, layers: 2, bidirectional: true)
    try checkLayer("lstm_bidirectional_2layer", layer, training: false) { try layer($0) }
  }

  @Test func batchFirstLSTMAndFinalCellState() throws {
    let layer = try LSTM(inputSize: 4, hiddenSize: 3, batchFirst: true)
    try checkLayer("lstm_batch_first", layer, training: false) { x in
      let (output, _, c) = try layer.run(x)
      return try Tensor.cat([output.flattened(), c.flattened()])
    }
  }

  @Test func lstmCellStep() throws {
    let state = try Fixture("lstm_cell_state", bundle: .module)
    let cell = try LSTMCell(inputSize: 4, hiddenSize: 6)
    try checkLayer("lstm_cell", cell) { x in
      let (h, c) = try cell.step(x, state: (state["h0"], state["c0"]))
      return try Tensor.cat([h, c], dim: 1)
    }
  }
}
