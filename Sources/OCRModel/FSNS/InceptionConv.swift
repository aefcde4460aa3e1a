// SPDX-License-Identifier: Apache-2.0
import NN
import Torch

/// Inception-v3's conv unit as TF-slim builds it: a convolution without bias, batch norm with
/// beta but no gamma (decay 0.9997, epsilon 0.001), then ReLU. Names: `conv.weight`,
/// `bn.bias`, `bn.running_mean`, `bn.running_var`.
public final class InceptionConv: Module, Layer {
  public let conv: Conv2d
  public let norm: BatchNorm2d

  public init(
    _ input: Int, _ output: Int, kernel: (Int, Int), stride: Int = 1, padding: (Int, Int) = (0, 0)
  ) throws(TorchError) {
    conv = try Conv2d(
      inputChannels: input, outputChannels: output, kernelSize: kernel, stride: (stride, stride),
      padding: padding, bias: false, weightInit: .kaimingNormal())
    norm = try BatchNorm2d(channels: output, momentum: 1 - 0.9997, eps: 0.001, scale: false)
    super.init()
    register(conv, as: "conv")
    register(norm, as: "bn")
  }

  /// A square kernel; `same` pads so a stride-1 output keeps the input's size.
  public convenience init(_ input: Int, _ output: Int, kernel: Int, stride: Int = 1, same: Bool = false)
    throws(TorchError)
  {
    let pad = same ? kernel / 2 : 0
    try self.init(input, output, kernel: (kernel, kernel), stride: stride, padding: (pad, pad))
  }

  /// x: [N, in, H, W] -> [N, out, H', W'].
  public func forward(_ x: Tensor) throws(TorchError) -> Tensor {
    try norm(conv(x)).relu()
  }
}
