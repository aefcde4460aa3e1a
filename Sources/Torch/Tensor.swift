// SPDX-License-Identifier: Apache-2.0
internal import CTorch

/// An n-dimensional array in libtorch, with autograd.
///
/// A `Tensor` owns one libtorch handle and releases it when the last Swift reference goes away.
/// Operations return new tensors and throw `TorchError` with libtorch's message when libtorch
/// rejects them (a shape mismatch, a bad index, an unavailable device).
///
/// ```swift
/// let x = try Tensor([1, 2, 3, 4] as [Float], shape: [2, 2])
/// let y = try (x * 2 + 1).relu()
/// print(try y.toArray(of: Float.self))  // [3, 5, 7, 9]
/// ```
///
/// - Note: Like a PyTorch tensor, one instance must not be mutated from two threads at once;
///   distinct tensors may be used from different threads.
public final class Tensor: @unchecked Sendable {
  let handle: OpaquePointer

  init(owning handle: OpaquePointer) { self.handle = handle }

  deinit { ct_free(handle) }

  /// The size of each dimension.
  public var shape: [Int] {
    var sizes = [Int64](repeating: 0, count: 16)
    let rank = Int(ct_shape(handle, &sizes, Int32(sizes.count)))
    if rank > sizes.count {
      sizes = [Int64](repeating: 0, count: rank)
      _ = ct_shape(handle, &sizes, Int32(rank))
    }
    return sizes.prefix(Swift.max(rank, 0)).map(Int.init)
  }

  public var rank: Int { Int(ct_ndim(handle)) }

  /// Number of elements.
  public var count: Int { Int(ct_numel(handle)) }

  public var dtype: DType {
    // The shim only ever creates tensors of the types DType lists.
    DType(rawValue: Int(ct_dtype_of(handle))) ?? .float32
  }

  public var device: Device {
    var index: Int32 = 0
    let type = ct_device_of(handle, &index)
    return type == Int32(CT_CUDA.rawValue) ? .cuda(Int(index)) : .cpu
  }
}

extension Tensor: CustomStringConvertible {
  public var description: String {
    "Tensor(shape: \(shape), dtype: \(dtype), device: \(device))"
  }
}
