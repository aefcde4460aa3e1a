// SPDX-License-Identifier: Apache-2.0
internal import CTorch

/// Process-wide libtorch settings and facts.
public enum Torch {
  /// Seeds libtorch's random generators (CPU and CUDA).
  public static func manualSeed(_ seed: UInt64) throws(TorchError) {
    try checkStatus(ct_manual_seed(seed))
  }

  /// Threads used by intra-op parallelism (matmul, convolution).
  public static var threadCount: Int { Int(ct_get_num_threads()) }

  public static func setThreadCount(_ count: Int) throws(TorchError) {
    guard count > 0 else { throw TorchError("thread count must be positive, got \(count)") }
    try checkStatus(ct_set_num_threads(Int32(count)))
  }

  public static var isCUDAAvailable: Bool { ct_cuda_is_available() }
  public static var cudaDeviceCount: Int { Int(ct_cuda_device_count()) }

  /// Tensor handles currently alive in this process; a leak check compares two readings.
  public static var liveTensorCount: Int { Int(ct_live_tensors()) }

  /// Waits until all queued work on `device` is done (CUDA runs asynchronously); a no-op on CPU.
  public static func synchronize(_ device: Device) throws(TorchError) {
    guard case .cuda(let index) = device else { return }
    try checkStatus(ct_cuda_synchronize(Int32(index)))
  }

  /// Checks that `device` can be used here.
  public static func validate(_ device: Device) throws(TorchError) {
    guard case .cuda(let index) = device else { return }
    guard isCUDAAvailable else {
      throw TorchError("device \(device) requested, but this libtorch has no usable CUDA device")
    }
    guard index < cudaDeviceCount else {
      throw TorchError("device \(device) requested, but only \(cudaDeviceCount) CUDA device(s) exist")
    }
  }
}

/// Runs `body` with autograd recording off on this thread, as PyTorch's `torch.no_grad()`.
public func withNoGrad<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
  let previous = ct_set_grad_enabled(false)
  defer { _ = ct_set_grad_enabled(previous) }
  return try body()
}

/// Whether autograd records operations on this thread.
public var isGradEnabled: Bool { ct_is_grad_enabled() }
