// SPDX-License-Identifier: Apache-2.0
// Three optimizer steps on a small MLP against torch.optim.
// Fixtures: Scripts/reference/make_fixtures.py (optimizer_case).
import NN
import Testing
import Torch
import TorchTestSupport

enum Clipping { case none, global, each }

/// Linear(6, 5) → tanh → Linear(5, 3), named like PyTorch's Sequential ("0.weight", "2.bias").
func smallMLP() throws -> Sequential {
  Sequential([try Linear(inputSize: 6, outputSize: 5), Lambda.tanh, try Linear(inputSize: 5, outputSize: 3)])
}

func checkOptimizer(
  _ name: String, clipping: Clipping = .none, sourceLocation: SourceLocation = #_sourceLocation,
  _ makeOptimizer: (Module) -> any Optimizer
) throws {
  let fixture = try Fixture(name, bundle: .module)
  let model = try smallMLP()
  try model.loadStateDict(fixture.group("param"))
  let optimizer = makeOptimizer(model)
  for _ in 0..<3 {
    try model.zeroGrad()
    let loss = try (model(fixture["x"]) - fixture["target"]).square().mean()
    try loss.backward()
    switch clipping {
    case .none: break
    case .global: try GradientClipping.clipGlobalNorm(model.parameters, maxNorm: 0.05)
    case .each: try GradientClipping.clipEachNorm(model.parameters, maxNorm: 0.05)
    }
    try optimizer.step()
  }
  let state = model.stateDict()
  for (key, expected) in fixture.group("after") {
    try expectClose(#require(state[key]), expected, "\(name) \(key)", sourceLocation: sourceLocation)
  }
  #expect(optimizer.stepCount == 3)
}

@Suite struct OptimizerGoldenTests {
  @Test func sgdWithMomentumAndWeightDecay() throws {
    try checkOptimizer("sgd_momentum") { SGD(for: $0, learningRate: 0.1, momentum: 0.9, weightDecay: 0.01) }
  }

  @Test func sgdNesterov() throws {
    try checkOptimizer("sgd_nesterov") { SGD(for: $0, learningRate: 0.05, momentum: 0.8, nesterov: true) }
  }

  @Test func adamWithL2WeightDecay() throws {
    try checkOptimizer("adam") { Adam(for: $0, learningRate: 0.01, weightDecay: 0.001) }
  }

  @Test func adamWWithDecoupledWeightDecay() throws {
    try checkOptimizer("adamw") { Adam.adamW(for: $0, learningRate: 0.01, weightDecay: 0.1) }
  }

  @Test func clippingByGlobalNorm() throws {
    try checkOptimizer("sgd_clip_global", clipping: .global) { SGD(for: $0, learningRate: 0.5) }
  }

  @Test func clippingEachTensorByItsNorm() throws {
    try checkOptimizer("sgd_clip_each", clipping: .each) { SGD(for: $0, learningRate: 0.5) }
  }

  @Test func globalClippingReturnsThePreClipNorm() throws {
    let p = try Tensor([0, 0] as [Float]).requiringGrad()
    try (p * Tensor([3, 4] as [Float])).sum().backward()  // grad = (3, 4), norm 5
    let norm = try GradientClipping.clipGlobalNorm([p], maxNorm: 1)
    #expect(Swift.abs(try norm.item() - 5) < 1e-5)
    try expectClose(#require(p.grad), Tensor([0.6, 0.8] as [Float]), atol: 1e-5)
  }
}
