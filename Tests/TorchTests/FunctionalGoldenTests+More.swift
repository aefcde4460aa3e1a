// SPDX-License-Identifier: Apache-2.0
// Activations, shape ops and the remaining losses against PyTorch.
// Fixtures: Scripts/reference/make_fixtures.py (the block seeded with 2024).
import Testing
import Torch
import TorchTestSupport

extension FunctionalGoldenTests {
  @Test func activations() throws {
    try checkAgainstPyTorch("activations") { x, _ in
      let t = x[0]
      return try Tensor.stack([
        t.relu(), t.sigmoid(), t.tanh(), t.gelu(), t.leakyRelu(slope: 0.2), t.exp(), (t.abs() + 0.1).log(),
        (t.abs() + 0.1).sqrt(), t.square(), t.clamped(min: -0.5, max: 0.5),
      ])
    }
  }

  @Test func shapeOps() throws {
    try checkAgainstPyTorch("shape_ops") { x, _ in
      let t = x[0]
      return try Tensor.cat([
        t.permuted([1, 0, 2]).reshaped([-1]), t.flipped([2]).flattened(),
        t.padded([1, 2], value: 0.5).flattened(), t.transposed(0, 2).flattened(),
        t.slice(dim: 1, 1, 3).slice(dim: 2, 0, 4, step: 2).flattened(), t.expanded([2, 2, 3, 4]).flattened(),
        t.repeated([1, 2, 1]).flattened(),
      ])
    }
  }

  @Test func whereAndMaskedFill() throws {
    try checkAgainstPyTorch("where_masked_fill") { x, _ in
      try x[0].where(x[0].gt(0), else: x[1]).maskedFill(x[1].lt(-1), with: 0)
    }
  }

  @Test func mseLoss() throws {
    try checkAgainstPyTorch("mse") { x, _ in try Functional.mseLoss(x[0], x[1]) }
  }

  @Test func layerNorm() throws {
    try checkAgainstPyTorch("layer_norm") { x, _ in
      try Functional.layerNorm(x[0], normalizedShape: [6], weight: x[1], bias: x[2])
    }
  }

  @Test func logSumExpVarianceAndExtrema() throws {
    try checkAgainstPyTorch("log_sum_exp_var") { x, _ in
      let t = x[0]
      return try Tensor.cat([t.logSumExp(dim: 1), t.variance([0]), t.max([1]), t.min([0])])
    }
  }
}
