// SPDX-License-Identifier: Apache-2.0
internal import CTorch

extension Tensor {
  func reduce(_ op: ct_reduce_op, _ dims: [Int], keepDim: Bool) throws(TorchError) -> Tensor {
    let dims = dims.map(Int64.init)
    return try wrapResult(ct_reduce(op, handle, dims, Int32(dims.count), keepDim))
  }

  /// Sum over `dims`, or over every element when `dims` is empty.
  public func sum(_ dims: [Int] = [], keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(CT_SUM, dims, keepDim: keepDim)
  }

  public func mean(_ dims: [Int] = [], keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(CT_MEAN, dims, keepDim: keepDim)
  }

  public func max(_ dims: [Int] = [], keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(CT_MAX, dims, keepDim: keepDim)
  }

  public func min(_ dims: [Int] = [], keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(CT_MIN, dims, keepDim: keepDim)
  }

  /// Sample variance (Bessel-corrected), as `torch.var`.
  public func variance(_ dims: [Int] = [], keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(CT_VAR, dims, keepDim: keepDim)
  }

  public func std(_ dims: [Int] = [], keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(CT_STD, dims, keepDim: keepDim)
  }

  public func prod(dim: Int? = nil, keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(CT_PROD, dim.map { [$0] } ?? [], keepDim: keepDim)
  }

  public func logSumExp(dim: Int, keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(CT_LOGSUMEXP, [dim], keepDim: keepDim)
  }

  public func argmax(dim: Int, keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(CT_ARGMAX, [dim], keepDim: keepDim)
  }

  public func argmin(dim: Int, keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(CT_ARGMIN, [dim], keepDim: keepDim)
  }

  public func all(dim: Int? = nil) throws(TorchError) -> Tensor {
    try reduce(CT_ALL, dim.map { [$0] } ?? [], keepDim: false)
  }

  public func any(dim: Int? = nil) throws(TorchError) -> Tensor {
    try reduce(CT_ANY, dim.map { [$0] } ?? [], keepDim: false)
  }

  /// The p-norm of all elements.
  public func norm(_ p: Double = 2) throws(TorchError) -> Tensor {
    try wrapResult(ct_norm(handle, p))
  }

  public func cumsum(dim: Int) throws(TorchError) -> Tensor {
    try wrapResult(ct_cumsum(handle, Int64(dim)))
  }

  /// The `k` largest (or smallest) values along `dim`, sorted, with their indices.
  public func topk(_ k: Int, dim: Int = -1, largest: Bool = true) throws(TorchError) -> (
    values: Tensor, indices: Tensor
  ) {
    var values: OpaquePointer?
    var indices: OpaquePointer?
    try checkStatus(ct_topk(handle, Int64(k), Int64(dim), largest, &values, &indices))
    return (try wrapResult(values), try wrapResult(indices))
  }
}
