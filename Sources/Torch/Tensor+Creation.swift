// SPDX-License-Identifier: Apache-2.0
internal import CTorch

extension Tensor {
  /// Copies `values` into a new CPU tensor of the given shape (a 1-D tensor when `shape` is nil).
  public convenience init<T: TensorElement>(_ values: [T], shape: [Int]? = nil) throws(TorchError) {
    let shape = shape ?? [values.count]
    let expected = shape.reduce(1, *)
    guard expected == values.count, shape.allSatisfy({ $0 >= 0 }) else {
      throw TorchError("shape \(shape) needs \(expected) values, got \(values.count)")
    }
    let handle = values.withUnsafeBytes { bytes in
      Tensor.fromBytes(bytes, shape: shape, dtype: T.dtype)
    }
    guard let handle else { throw TorchError.takeLast() }
    self.init(owning: handle)
  }

  /// A zero-dimensional tensor holding one value.
  public convenience init<T: TensorElement>(scalar value: T) throws(TorchError) {
    try self.init([value], shape: [])
  }

  /// Builds a CPU tensor from raw little-endian bytes in `dtype`'s layout (safetensors' layout).
  public convenience init(bytes: UnsafeRawBufferPointer, shape: [Int], dtype: DType) throws(TorchError) {
    guard let handle = Tensor.fromBytes(bytes, shape: shape, dtype: dtype) else {
      throw TorchError.takeLast()
    }
    self.init(owning: handle)
  }

  private static func fromBytes(
    _ bytes: UnsafeRawBufferPointer, shape: [Int], dtype: DType
  ) -> OpaquePointer? {
    let sizes = shape.map(Int64.init)
    return sizes.withUnsafeBufferPointer { sizes in
      ct_from_data(bytes.baseAddress, bytes.count, sizes.baseAddress, Int32(sizes.count), dtype.cValue)
    }
  }

  /// A tensor filled with `value`.
  public static func full(
    _ shape: [Int], value: Double, dtype: DType = .float32, device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    let sizes = shape.map(Int64.init)
    return try wrapResult(
      ct_full(sizes, Int32(sizes.count), value, dtype.cValue, device.cType, device.cIndex))
  }

  public static func zeros(
    _ shape: [Int], dtype: DType = .float32, device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    try full(shape, value: 0, dtype: dtype, device: device)
  }

  public static func ones(
    _ shape: [Int], dtype: DType = .float32, device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    try full(shape, value: 1, dtype: dtype, device: device)
  }

  /// Samples from the standard normal distribution (seeded by `Torch.manualSeed`).
  public static func randn(
    _ shape: [Int], dtype: DType = .float32, device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    try random(shape, normal: true, dtype: dtype, device: device)
  }

  /// Samples uniformly from [0, 1).
  public static func rand(
    _ shape: [Int], dtype: DType = .float32, device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    try random(shape, normal: false, dtype: dtype, device: device)
  }

  private static func random(
    _ shape: [Int], normal: Bool, dtype: DType, device: Device
  ) throws(TorchError) -> Tensor {
    let sizes = shape.map(Int64.init)
    return try wrapResult(
      ct_random(sizes, Int32(sizes.count), normal ? 0 : 1, dtype.cValue, device.cType, device.cIndex))
  }

  /// Samples uniformly from [low, high).
  public static func uniform(
    _ shape: [Int], low: Double, high: Double, dtype: DType = .float32, device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    try rand(shape, dtype: dtype, device: device) * (high - low) + low
  }

  /// Values from `start` up to (not including) `end`.
  public static func arange(
    _ start: Double = 0, _ end: Double, step: Double = 1, dtype: DType = .int64,
    device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    try wrapResult(ct_arange(start, end, step, dtype.cValue, device.cType, device.cIndex))
  }

  /// A tensor of the same shape, type and device, filled with `value`.
  public func fullLike(_ value: Double) throws(TorchError) -> Tensor {
    try Tensor.full(shape, value: value, dtype: dtype, device: device)
  }

  public func zerosLike() throws(TorchError) -> Tensor { try fullLike(0) }
}
