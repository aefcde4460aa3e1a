// SPDX-License-Identifier: Apache-2.0
import Torch

/// 2-D convolution. Names: `weight` [out, in/groups, kH, kW], `bias` [out].
public final class Conv2d: Module, Layer {
  public let weight: Parameter
  public let bias: Parameter?
  public let stride: (Int, Int)
  public let padding: (Int, Int)
  public let dilation: (Int, Int)
  public let groups: Int

  public init(
    inputChannels: Int, outputChannels: Int, kernelSize: (Int, Int), stride: (Int, Int) = (1, 1),
    padding: (Int, Int) = (0, 0), dilation: (Int, Int) = (1, 1), groups: Int = 1,
    bias hasBias: Bool = true, weightInit: Initializer = .pyTorchDefault
  ) throws(TorchError) {
    precondition(inputChannels % groups == 0, "Conv2d: \(inputChannels) channels in \(groups) groups")
    let shape = [outputChannels, inputChannels / groups, kernelSize.0, kernelSize.1]
    weight = try Parameter(weightInit.make(shape))
    let fanIn = Initializer.fans(shape).0
    bias = hasBias ? try Parameter(Initializer.pyTorchBias(fanIn: fanIn).make([outputChannels])) : nil
    self.stride = stride
    self.padding = padding
    self.dilation = dilation
    self.groups = groups
    super.init()
    register(weight, as: "weight")
    if let bias { register(bias, as: "bias") }
  }

  /// A square kernel with the same stride and padding on both axes.
  public convenience init(
    inputChannels: Int, outputChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
    bias: Bool = true, weightInit: Initializer = .pyTorchDefault
  ) throws(TorchError) {
    try self.init(
      inputChannels: inputChannels, outputChannels: outputChannels,
      kernelSize: (kernelSize, kernelSize), stride: (stride, stride), padding: (padding, padding),
      bias: bias, weightInit: weightInit)
  }

  /// x: [N, C, H, W] -> [N, out, H', W'].
  public func forward(_ x: Tensor) throws(TorchError) -> Tensor {
    try Functional.conv2d(
      x, weight: weight.tensor, bias: bias?.tensor, stride: stride, padding: padding,
      dilation: dilation, groups: groups)
  }
}
