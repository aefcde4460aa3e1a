// SPDX-License-Identifier: Apache-2.0
import NN
import Testing
import Torch

@Suite struct WeightInterpolationTests {
  @Test func floatTensorsMoveAlongTheLineAndCountsStay() throws {
    let a: [String: Tensor] = [
      "weight": try Tensor([Float(0), 4, -2], shape: [3]), "steps": try Tensor([Int64(7)], shape: [1]),
    ]
    let b: [String: Tensor] = [
      "weight": try Tensor([Float(2), 0, 2], shape: [3]), "steps": try Tensor([Int64(9)], shape: [1]),
    ]
    let quarter = try WeightInterpolation.interpolate(a, b, share: 0.25)
    #expect(try quarter["weight"]!.toArray(of: Float.self) == [0.5, 3, -1])
    #expect(try quarter["steps"]!.toArray(of: Int64.self) == [7])
    #expect(
      try WeightInterpolation.interpolate(a, b, share: 1)["weight"]!.toArray(of: Float.self) == [2, 0, 2])
  }

  @Test func modelsOfOtherShapesAreRefusedByName() throws {
    let a: [String: Tensor] = ["conv.weight": try Tensor.zeros([4, 2]), "head.bias": try Tensor.zeros([3])]
    let b: [String: Tensor] = ["conv.weight": try Tensor.zeros([6, 2]), "extra": try Tensor.zeros([1])]
    let error = #expect(throws: StateDictError.self) { try WeightInterpolation.interpolate(a, b, share: 0.5) }
    let message = error?.description ?? ""
    #expect(message.contains("'conv.weight'") && message.contains("[6, 2]"), "\(message)")
    #expect(message.contains("'head.bias' is in the first model only"), "\(message)")
    #expect(message.contains("'extra' is in the second model only"), "\(message)")
  }
}
