// SPDX-License-Identifier: Apache-2.0
import NN
import Testing
import Torch

@Suite(.serialized) struct InitializerTests {
  func statistics(_ t: Tensor) throws -> (mean: Double, std: Double, min: Double, max: Double) {
    (try t.mean().item(), try t.std().item(), try t.min().item(), try t.max().item())
  }

  @Test func fansMatchPyTorch() {
    #expect(Initializer.fans([64, 32, 3, 3]) == (288, 576))
    #expect(Initializer.fans([10, 20]) == (20, 10))
  }

  @Test func kaimingAndGlorotHaveTheirVariance() throws {
    try Torch.manualSeed(0)
    // Kaiming normal: std = sqrt(2 / fanIn) = sqrt(2 / 512).
    let kn = try statistics(Initializer.kaimingNormal().make([256, 512]))
    #expect(Swift.abs(kn.std - (2.0 / 512).squareRoot()) < 0.002)
    // Kaiming uniform: bound = sqrt(6 / fanIn).
    let ku = try statistics(Initializer.kaimingUniform().make([256, 512]))
    #expect(ku.max <= (6.0 / 512).squareRoot() && ku.min >= -(6.0 / 512).squareRoot())
    #expect(ku.max > 0.95 * (6.0 / 512).squareRoot())
    // Glorot uniform: bound = sqrt(6 / (fanIn + fanOut)).
    let gu = try statistics(Initializer.glorotUniform().make([100, 300]))
    #expect(gu.max <= (6.0 / 400).squareRoot() && gu.max > 0.95 * (6.0 / 400).squareRoot())
    let gn = try statistics(Initializer.glorotNormal(gain: 2).make([200, 200]))
    #expect(Swift.abs(gn.std - 2 * (2.0 / 400).squareRoot()) < 0.003)
  }

  @Test(arguments: [[6, 4], [4, 6], [5, 2, 3]])
  func orthogonalIsOrthonormalAlongItsShortSide(shape: [Int]) throws {
    let w = try Initializer.orthogonal(gain: 1).make(shape).reshaped([shape[0], -1])
    let rows = shape[0], cols = w.shape[1]
    // For a tall matrix WᵀW = I; for a wide one WWᵀ = I.
    let gram = rows >= cols ? try w.transposed(0, 1).matmul(w) : try w.matmul(w.transposed(0, 1))
    let n = min(rows, cols)
    let identity = try Tensor((0..<(n * n)).map { $0 / n == $0 % n ? Float(1) : 0 }, shape: [n, n])
    #expect(try (gram - identity).abs().max().item() < 1e-5)
  }
}
