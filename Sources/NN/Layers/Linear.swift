// SPDX-License-Identifier: Apache-2.0
import Torch

/// `y = x Wᵀ + b`. Names: `weight` [out, in], `bias` [out].
public final class Linear: Module, Layer {
  public let weight: Parameter
  public let bias: Parameter?

  public init(
    inputSize: Int, outputSize: Int, bias hasBias: Bool = true,
    weightInit: Initializer = .pyTorchDefault
  ) throws(TorchError) {
    weight = try Parameter(weightInit.make([outputSize, inputSize]))
    bias = hasBias ? try Parameter(Initializer.pyTorchBias(fanIn: inputSize).make([outputSize])) : nil
    super.init()
    register(weight, as: "weight")
    if let bias { register(bias, as: "bias") }
  }

  /// x: [..., in] -> [..., out].
  public func forward(_ x: Tensor) throws(TorchError) -> Tensor {
    try Functional.linear(x, weight: weight.tensor, bias: bias?.tensor)
  }
}
