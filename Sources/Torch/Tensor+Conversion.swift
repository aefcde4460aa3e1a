// SPDX-License-Identifier: Apache-2.0
internal import CTorch

extension Tensor {
  /// Copies the elements to a Swift array, row-major. `T` must match the tensor's dtype.
  public func toArray<T: TensorElement>(of type: T.Type = T.self) throws(TorchError) -> [T] {
    guard dtype == T.dtype else {
      throw TorchError("toArray(of: \(T.self)) on a \(dtype) tensor; convert with to(_:) first")
    }
    var values = [T](repeating: T(), count: count)
    let status = values.withUnsafeMutableBytes { bytes in
      ct_copy_to_host(handle, bytes.baseAddress, bytes.count)
    }
    try checkStatus(status)
    return values
  }

  /// The elements as stored (little-endian, `dtype`'s layout), row-major.
  public func rawBytes() throws(TorchError) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count * dtype.byteSize)
    let status = bytes.withUnsafeMutableBytes { buffer in
      ct_copy_to_host(handle, buffer.baseAddress, buffer.count)
    }
    try checkStatus(status)
    return bytes
  }

  /// The value of a one-element tensor.
  public func item() throws(TorchError) -> Double {
    var value = 0.0
    try checkStatus(ct_item(handle, &value))
    return value
  }

  public func floatValue() throws(TorchError) -> Float { Float(try item()) }

  /// Converts to another element type.
  public func to(_ dtype: DType) throws(TorchError) -> Tensor {
    try wrapResult(ct_to(handle, dtype.cValue, device.cType, device.cIndex))
  }

  /// Moves to another device.
  public func to(_ device: Device) throws(TorchError) -> Tensor {
    try wrapResult(ct_to(handle, dtype.cValue, device.cType, device.cIndex))
  }

  public func to(_ dtype: DType, on device: Device) throws(TorchError) -> Tensor {
    try wrapResult(ct_to(handle, dtype.cValue, device.cType, device.cIndex))
  }

  /// A copy that owns its own storage.
  public func clone() throws(TorchError) -> Tensor { try wrapResult(ct_clone(handle)) }

  public func contiguous() throws(TorchError) -> Tensor { try wrapResult(ct_contiguous(handle)) }

  /// Overwrites this tensor's values with `source`'s (broadcast), outside autograd.
  public func copy(from source: Tensor) throws(TorchError) {
    try checkStatus(ct_copy_(handle, source.handle))
  }

  /// Sets every element to `value`, in place.
  public func fill(_ value: Double) throws(TorchError) {
    try checkStatus(ct_fill_(handle, value))
  }
}
