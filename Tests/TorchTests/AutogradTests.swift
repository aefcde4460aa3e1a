// SPDX-License-Identifier: Apache-2.0
import Testing
import Torch

@Suite struct AutogradTests {
  @Test func backwardFillsLeafGradients() throws {
    let x = try Tensor([1, 2, 3] as [Float]).requiringGrad()
    let y = try (x * x).sum()  // dy/dx = 2x
    try y.backward()
    #expect(try x.grad?.toArray(of: Float.self) == [2, 4, 6])
  }

  @Test func gradientsAccumulateUntilZeroed() throws {
    let x = try Tensor([1, -1] as [Float]).requiringGrad()
    try (x * 3).sum().backward()
    try (x * 3).sum().backward()
    #expect(try x.grad?.toArray(of: Float.self) == [6, 6])
    try x.zeroGrad()
    #expect(x.grad == nil)
  }

  @Test func noGradScopeRecordsNothing() throws {
    let x = try Tensor([1, 2] as [Float]).requiringGrad()
    let y = try withNoGrad { () throws(TorchError) in try x * 2 }
    #expect(!y.requiresGrad)
    #expect(isGradEnabled)
    let z = try x * 2
    #expect(z.requiresGrad)
  }

  @Test func detachedTensorsLeaveTheGraph() throws {
    let x = try Tensor([1, 2] as [Float]).requiringGrad()
    #expect(try !x.detached().requiresGrad)
  }

  @Test func backwardOnANonScalarWithoutGradientThrows() throws {
    let x = try Tensor([1, 2] as [Float]).requiringGrad()
    let y = try x * 2
    #expect(throws: TorchError.self) { try y.backward() }
    try y.backward(gradient: Tensor([1, 1] as [Float]))
    #expect(try x.grad?.toArray(of: Float.self) == [2, 2])
  }
}
