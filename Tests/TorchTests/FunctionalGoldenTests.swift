// SPDX-License-Identifier: Apache-2.0
// Forward and backward of each op against PyTorch.
// Fixtures: Scripts/reference/make_fixtures.py (functional_case).
import Testing
import Torch
import TorchTestSupport

/// Loads `name`, runs `op` on its inputs (floating ones tracking gradients), and compares the
/// output and every input gradient of sum(output · upstream) with PyTorch's.
func checkAgainstPyTorch(
  _ name: String, sourceLocation: SourceLocation = #_sourceLocation,
  _ op: (_ inputs: [Tensor], _ fixture: Fixture) throws -> Tensor
) throws {
  let fixture = try Fixture(name, bundle: .module)
  var inputs: [Tensor] = []
  while let x = fixture.tensors["input\(inputs.count)"] {
    let leaf = try x.clone()
    if leaf.dtype.isFloatingPoint { try leaf.requiringGrad() }
    inputs.append(leaf)
  }
  let output = try op(inputs, fixture)
  try expectClose(output, fixture["output"], "\(name) output", sourceLocation: sourceLocation)
  try (output * fixture["upstream"]).sum().backward()
  for (index, input) in inputs.enumerated() {
    guard let expected = fixture.tensors["grad.input\(index)"] else { continue }
    guard let grad = input.grad else {
      Issue.record("\(name): input \(index) got no gradient", sourceLocation: sourceLocation)
      continue
    }
    try expectClose(grad, expected, "\(name) grad of input \(index)", sourceLocation: sourceLocation)
  }
}

@Suite struct FunctionalGoldenTests {
  @Test func softmax() throws {
    try checkAgainstPyTorch("softmax") { x, _ in try x[0].softmax(dim: -1) }
  }

  @Test func logSoftmax() throws {
    try checkAgainstPyTorch("log_softmax") { x, _ in try x[0].logSoftmax(dim: 1) }
  }

  @Test func matmul() throws {
    try checkAgainstPyTorch("matmul") { x, _ in try x[0].matmul(x[1]) }
  }

  @Test func broadcastingArithmetic() throws {
    try checkAgainstPyTorch("broadcast_arith") { x, _ in
      try (x[0] * x[1] + x[0] / (x[1].abs() + 1) - 0.5).tanh()
    }
  }

  @Test func reductions() throws {
    try checkAgainstPyTorch("reductions") { x, _ in
      try Tensor.stack([x[0].sum(), x[0].mean(), x[0].max(), x[0].std()])
    }
  }

  @Test func conv2d() throws {
    try checkAgainstPyTorch("conv2d") { x, _ in
      try Functional.conv2d(x[0], weight: x[1], bias: x[2], stride: (2, 2), padding: (1, 1))
    }
  }

  @Test func maxPool2d() throws {
    try checkAgainstPyTorch("max_pool2d") { x, _ in
      try Functional.maxPool2d(x[0], kernel: (2, 3), stride: (2, 1), padding: (1, 1))
    }
  }

  @Test func avgPool2d() throws {
    try checkAgainstPyTorch("avg_pool2d") { x, _ in try Functional.avgPool2d(x[0], kernel: (2, 2)) }
  }

  @Test func batchNormEvaluation() throws {
    try checkAgainstPyTorch("batch_norm_eval") { x, f in
      try Functional.batchNorm(
        x[0], weight: x[1], bias: x[2], runningMean: f["running_mean"], runningVar: f["running_var"],
        training: false)
    }
  }

  @Test func gatherAndIndexSelect() throws {
    try checkAgainstPyTorch("gather_select") { x, _ in
      let index = try Tensor([0, 2, 1, 1, 3, 0] as [Int64], shape: [3, 2])
      let columns = try Tensor([3, 1] as [Int64])
      return try Tensor.cat([x[0].gather(dim: 1, index), x[0].indexSelect(dim: 1, columns)], dim: 1)
    }
  }

  @Test func crossEntropyWithLabelSmoothingAndIgnoreIndex() throws {
    try checkAgainstPyTorch("cross_entropy") { x, f in
      try Functional.crossEntropy(logits: x[0], targets: f["targets"], ignoreIndex: -100, labelSmoothing: 0.1)
    }
  }

  @Test func crossEntropyOverSequences() throws {
    try checkAgainstPyTorch("cross_entropy_nd") { x, f in
      try Functional.crossEntropy(
        logits: x[0].permuted([0, 2, 1, 3]), targets: f["targets"], reduction: .sum)
    }
  }

  @Test func ctcLoss() throws {
    try checkAgainstPyTorch("ctc") { x, f in
      try Functional.ctcLoss(
        logProbs: x[0].logSoftmax(dim: 2), targets: f["targets"], inputLengths: [10, 8],
        targetLengths: [3, 2])
    }
  }
}
