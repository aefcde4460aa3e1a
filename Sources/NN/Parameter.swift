// SPDX-License-Identifier: Apache-2.0
import Torch

/// A tensor a module owns: a trainable parameter or a buffer (running statistics).
///
/// Layers read `tensor` on every call, so moving a module to another device or loading
/// weights replaces or overwrites the tensor here and every layer sees it.
public final class Parameter {
  public internal(set) var tensor: Tensor
  /// Parameters receive gradients and optimizer updates; buffers do not.
  public let isTrainable: Bool

  public init(_ tensor: Tensor, trainable: Bool = true) throws(TorchError) {
    self.isTrainable = trainable
    self.tensor = tensor
    if trainable && tensor.dtype.isFloatingPoint { try tensor.requiringGrad() }
  }

  /// Moves the value to `device` (and/or converts it), keeping it a leaf.
  func move(to device: Device, dtype: DType? = nil) throws(TorchError) {
    let converted = try tensor.to(dtype ?? tensor.dtype, on: device).detached()
    if isTrainable && converted.dtype.isFloatingPoint { try converted.requiringGrad() }
    tensor = converted
  }
}
