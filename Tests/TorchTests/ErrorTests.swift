// SPDX-License-Identifier: Apache-2.0
import Testing
import Torch

/// libtorch's failures must arrive as thrown Swift errors with libtorch's message, never abort.
@Suite struct ErrorTests {
  @Test func shapeMismatchThrowsLibtorchsMessage() throws {
    let a = try Tensor.zeros([2, 3])
    let b = try Tensor.zeros([4, 5])
    do {
      _ = try a.matmul(b)
      Issue.record("matmul of [2, 3] and [4, 5] should fail")
    } catch {
      #expect(error.message.contains("2x3"), "message: \(error.message)")
      #expect(error.message.contains("4x5"), "message: \(error.message)")
    }
  }

  @Test func badIndexThrows() throws {
    let x = try Tensor.zeros([3])
    #expect(throws: TorchError.self) { try x.select(dim: 0, 5) }
    #expect(throws: TorchError.self) { try x.indexSelect(dim: 0, Tensor([7] as [Int64])) }
    #expect(throws: TorchError.self) { try x.permuted([1, 0]) }
  }

  @Test func wrongDTypeThrows() throws {
    let x = try Tensor.zeros([2, 3])
    #expect(throws: TorchError.self) { try x.toArray(of: Int64.self) }
    #expect(throws: TorchError.self) {
      try Functional.crossEntropy(logits: x, targets: Tensor([0.0, 1.0] as [Float]))
    }
  }

  @Test func errorsDoNotLeakIntoLaterCalls() throws {
    let x = try Tensor.zeros([3])
    _ = try? x.reshaped([7])
    #expect(try x.reshaped([3, 1]).shape == [3, 1])
  }

  @Test func convWithWrongChannelsThrows() throws {
    let x = try Tensor.zeros([1, 3, 8, 8])
    let w = try Tensor.zeros([4, 2, 3, 3])
    #expect(throws: TorchError.self) { try Functional.conv2d(x, weight: w, bias: nil) }
  }
}
