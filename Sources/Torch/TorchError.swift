// SPDX-License-Identifier: Apache-2.0
internal import CTorch

/// A failure reported by libtorch (or by the shim around it), carrying libtorch's own message.
public struct TorchError: Error, CustomStringConvertible, Equatable {
  public let message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }

  /// Takes (and clears) the calling thread's last shim error.
  static func takeLast(orElse fallback: String = "libtorch call failed") -> TorchError {
    let message = ct_last_error().map { String(cString: $0) } ?? fallback
    ct_clear_error()
    return TorchError(message)
  }
}

/// Wraps a handle the shim returned, or throws the error it recorded.
@inline(__always)
func wrapResult(_ handle: OpaquePointer?) throws(TorchError) -> Tensor {
  guard let handle else { throw TorchError.takeLast() }
  return Tensor(owning: handle)
}

/// Throws the shim's recorded error when a status call failed.
@inline(__always)
func checkStatus(_ status: Int32) throws(TorchError) {
  if status != 0 { throw TorchError.takeLast() }
}

/// Passes the raw handles of `tensors` to `body`, keeping the tensors alive throughout.
func withHandles<R>(
  _ tensors: [Tensor], _ body: (UnsafePointer<OpaquePointer?>, Int32) throws(TorchError) -> R
) throws(TorchError) -> R {
  let handles: [OpaquePointer?] = tensors.map { $0.handle }
  return try withExtendedLifetime(tensors) { () throws(TorchError) -> R in
    try handles.withUnsafeBufferPointer { buffer throws(TorchError) -> R in
      try body(buffer.baseAddress!, Int32(buffer.count))
    }
  }
}
