// SPDX-License-Identifier: Apache-2.0
internal import CTorch

extension Tensor {
  /// Same elements in a new shape; one entry may be -1 to be inferred.
  public func reshaped(_ shape: [Int]) throws(TorchError) -> Tensor {
    let sizes = shape.map(Int64.init)
    return try wrapResult(ct_reshape(handle, sizes, Int32(sizes.count)))
  }

  public func flattened(from start: Int = 0) throws(TorchError) -> Tensor {
    let s = shape
    let first = start < 0 ? start + s.count : start
    return try reshaped(Array(s.prefix(first)) + [-1])
  }

  public func permuted(_ dims: [Int]) throws(TorchError) -> Tensor {
    let dims = dims.map(Int64.init)
    return try wrapResult(ct_permute(handle, dims, Int32(dims.count)))
  }

  public func transposed(_ d0: Int, _ d1: Int) throws(TorchError) -> Tensor {
    try wrapResult(ct_transpose(handle, Int64(d0), Int64(d1)))
  }

  /// Broadcasts to `shape` without copying (-1 keeps a dimension).
  public func expanded(_ shape: [Int]) throws(TorchError) -> Tensor {
    let sizes = shape.map(Int64.init)
    return try wrapResult(ct_expand(handle, sizes, Int32(sizes.count)))
  }

  public func squeezed(_ dim: Int) throws(TorchError) -> Tensor {
    try wrapResult(ct_squeeze(handle, Int64(dim)))
  }

  public func unsqueezed(_ dim: Int) throws(TorchError) -> Tensor {
    try wrapResult(ct_unsqueeze(handle, Int64(dim)))
  }

  public func flipped(_ dims: [Int]) throws(TorchError) -> Tensor {
    let dims = dims.map(Int64.init)
    return try wrapResult(ct_flip(handle, dims, Int32(dims.count)))
  }

  public func repeated(_ counts: [Int]) throws(TorchError) -> Tensor {
    let counts = counts.map(Int64.init)
    return try wrapResult(ct_repeat(handle, counts, Int32(counts.count)))
  }

  /// Joins tensors along an existing dimension.
  public static func cat(_ tensors: [Tensor], dim: Int = 0) throws(TorchError) -> Tensor {
    try withHandles(tensors) { (list, n) throws(TorchError) in
      try wrapResult(ct_cat(list, n, Int64(dim)))
    }
  }

  /// Joins tensors along a new dimension.
  public static func stack(_ tensors: [Tensor], dim: Int = 0) throws(TorchError) -> Tensor {
    try withHandles(tensors) { (list, n) throws(TorchError) in
      try wrapResult(ct_stack(list, n, Int64(dim)))
    }
  }

  /// Elements `start..<end` (stepping by `step`) along `dim`; a view, like `x[:, a:b]`.
  public func slice(dim: Int, _ start: Int, _ end: Int, step: Int = 1) throws(TorchError) -> Tensor {
    try wrapResult(ct_slice(handle, Int64(dim), Int64(start), Int64(end), Int64(step)))
  }

  /// Index `index` along `dim`, removing that dimension, like `x[:, i]`.
  public func select(dim: Int, _ index: Int) throws(TorchError) -> Tensor {
    try wrapResult(ct_select(handle, Int64(dim), Int64(index)))
  }

  /// Splits along `dim` into views of `size` (the last may be smaller).
  public func chunks(of size: Int, dim: Int) throws(TorchError) -> [Tensor] {
    let length = shape[dim < 0 ? dim + rank : dim]
    return try stride(from: 0, to: length, by: size).map { (start: Int) throws(TorchError) in
      try slice(dim: dim, start, Swift.min(start + size, length))
    }
  }

  public func indexSelect(dim: Int, _ index: Tensor) throws(TorchError) -> Tensor {
    try wrapResult(ct_index_select(handle, Int64(dim), index.handle))
  }

  public func gather(dim: Int, _ index: Tensor) throws(TorchError) -> Tensor {
    try wrapResult(ct_gather(handle, Int64(dim), index.handle))
  }

  /// A copy with `source` written at `index` along `dim`.
  public func scatter(dim: Int, _ index: Tensor, _ source: Tensor) throws(TorchError) -> Tensor {
    try wrapResult(ct_scatter(handle, Int64(dim), index.handle, source.handle))
  }

  /// One-hot int64 encoding of an integer tensor.
  public func oneHot(classes: Int) throws(TorchError) -> Tensor {
    try wrapResult(ct_one_hot(handle, Int64(classes)))
  }

  /// Constant padding, PyTorch's `F.pad` order: last dimension first, (before, after) pairs.
  public func padded(_ pads: [Int], value: Double = 0) throws(TorchError) -> Tensor {
    let pads = pads.map(Int64.init)
    return try wrapResult(ct_pad(handle, pads, Int32(pads.count), value))
  }
}
