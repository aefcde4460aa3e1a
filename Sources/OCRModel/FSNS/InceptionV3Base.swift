// SPDX-License-Identifier: Apache-2.0
import NN
import Torch

/// Inception-v3 from the input to Mixed_5d (TF-slim's `inception_v3_base`, final endpoint
/// Mixed_5d): 150×150 → 16×16×288, 150×600 → 16×72×288.
public final class InceptionV3Base: Module, Layer {
  public let conv1a: InceptionConv
  public let conv2a: InceptionConv
  public let conv2b: InceptionConv
  public let conv3b: InceptionConv
  public let conv4a: InceptionConv
  public let mixed5b: InceptionMixed
  public let mixed5c: InceptionMixed
  public let mixed5d: InceptionMixed

  public init(inputChannels: Int = 3) throws(TorchError) {
    conv1a = try InceptionConv(inputChannels, 32, kernel: 3, stride: 2)
    conv2a = try InceptionConv(32, 32, kernel: 3)
    conv2b = try InceptionConv(32, 64, kernel: 3, same: true)
    conv3b = try InceptionConv(64, 80, kernel: 1)
    conv4a = try InceptionConv(80, 192, kernel: 3)
    mixed5b = try InceptionMixed(input: 192, poolChannels: 32)
    mixed5c = try InceptionMixed(input: 256, poolChannels: 64, mixed5cNames: true)
    mixed5d = try InceptionMixed(input: 288, poolChannels: 64)
    super.init()
    register(conv1a, as: "Conv2d_1a_3x3")
    register(conv2a, as: "Conv2d_2a_3x3")
    register(conv2b, as: "Conv2d_2b_3x3")
    register(conv3b, as: "Conv2d_3b_1x1")
    register(conv4a, as: "Conv2d_4a_3x3")
    register(mixed5b, as: "Mixed_5b")
    register(mixed5c, as: "Mixed_5c")
    register(mixed5d, as: "Mixed_5d")
  }

  /// x: [N, 3, H, W] -> [N, 288, H', W'] (H' = 16 for H = 150).
  public func forward(_ x: Tensor) throws(TorchError) -> Tensor {
    var y = try conv2b(conv2a(conv1a(x)))
    y = try Functional.maxPool2d(y, kernel: (3, 3), stride: (2, 2))  // MaxPool_3a_3x3
    y = try conv4a(conv3b(y))
    y = try Functional.maxPool2d(y, kernel: (3, 3), stride: (2, 2))  // MaxPool_5a_3x3
    return try mixed5d(mixed5c(mixed5b(y)))
  }

  /// Conv weights, the tensors TF-slim's arg scope puts L2 decay on.
  public var convWeights: [Tensor] {
    namedParameters().filter { $0.name.hasSuffix("conv.weight") }.map(\.parameter.tensor)
  }
}
