// SPDX-License-Identifier: Apache-2.0
import Torch

/// A lookup table of vectors. Names: `weight` [count, dimension].
public final class Embedding: Module, Layer {
  public let weight: Parameter
  public let paddingIndex: Int?

  /// Rows start N(0, 1) as in PyTorch; the padding row (if any) starts at zero and gets no gradient.
  public init(count: Int, dimension: Int, paddingIndex: Int? = nil) throws(TorchError) {
    var table = try Tensor.randn([count, dimension])
    if let paddingIndex {
      let keep = try Tensor.arange(0, Double(count)).ne(Double(paddingIndex)).unsqueezed(1)
      table = try table * keep.to(.float32)
    }
    weight = try Parameter(table)
    self.paddingIndex = paddingIndex
    super.init()
    register(weight, as: "weight")
  }

  /// indices: [...] int64 -> [..., dimension].
  public func forward(_ indices: Tensor) throws(TorchError) -> Tensor {
    try Functional.embedding(indices, weight: weight.tensor, paddingIndex: paddingIndex)
  }
}
