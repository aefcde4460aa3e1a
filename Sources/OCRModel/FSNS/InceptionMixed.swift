// SPDX-License-Identifier: Apache-2.0
import NN
import Torch

/// Inception-v3's Mixed_5b/5c/5d block: four branches at stride 1 ("SAME"), concatenated on
/// channels: 1×1→64 | 1×1→48, 5×5→64 | 1×1→64, 3×3→96, 3×3→96 | avg-pool 3×3, 1×1→`poolChannels`.
/// Tensors are named as in TF-slim's checkpoints (`Branch_1.Conv2d_0b_5x5.conv.weight`, …).
public final class InceptionMixed: Module, Layer {
  public let branch0: InceptionConv
  public let branch1: [InceptionConv]
  public let branch2: [InceptionConv]
  public let branch3: InceptionConv

  /// - Parameter mixed5cNames: TF-slim names Mixed_5c's branch 1 `Conv2d_0b_1x1`, `Conv_1_0c_5x5`
  ///   instead of `Conv2d_0a_1x1`, `Conv2d_0b_5x5`.
  public init(input: Int, poolChannels: Int, mixed5cNames: Bool = false) throws(TorchError) {
    branch0 = try InceptionConv(input, 64, kernel: 1)
    branch1 = [try InceptionConv(input, 48, kernel: 1), try InceptionConv(48, 64, kernel: 5, same: true)]
    branch2 = [
      try InceptionConv(input, 64, kernel: 1), try InceptionConv(64, 96, kernel: 3, same: true),
      try InceptionConv(96, 96, kernel: 3, same: true),
    ]
    branch3 = try InceptionConv(input, poolChannels, kernel: 1)
    super.init()
    register(branch0, as: "Branch_0.Conv2d_0a_1x1")
    let branch1Names =
      mixed5cNames ? ["Conv2d_0b_1x1", "Conv_1_0c_5x5"] : ["Conv2d_0a_1x1", "Conv2d_0b_5x5"]
    for (layer, name) in zip(branch1, branch1Names) { register(layer, as: "Branch_1.\(name)") }
    for (layer, name) in zip(branch2, ["Conv2d_0a_1x1", "Conv2d_0b_3x3", "Conv2d_0c_3x3"]) {
      register(layer, as: "Branch_2.\(name)")
    }
    register(branch3, as: "Branch_3.Conv2d_0b_1x1")
  }

  /// x: [N, C, H, W] -> [N, 224 + pool, H, W].
  public func forward(_ x: Tensor) throws(TorchError) -> Tensor {
    // TF's SAME average pooling divides by the pixels inside the image only.
    let pooled = try Functional.avgPool2d(
      x, kernel: (3, 3), stride: (1, 1), padding: (1, 1), countIncludePad: false)
    let b1 = try branch1[1](branch1[0](x))
    let b2 = try branch2[2](branch2[1](branch2[0](x)))
    return try Tensor.cat([branch0(x), b1, b2, branch3(pooled)], dim: 1)
  }
}
