// SPDX-License-Identifier: Apache-2.0
import Torch

/// Gradient clipping, run between `backward()` and `Optimizer.step()`.
public enum GradientClipping {
  /// Scales all gradients together so their global L2 norm is at most `maxNorm`, as
  /// `torch.nn.utils.clip_grad_norm_`. Returns the norm before clipping.
  @discardableResult
  public static func clipGlobalNorm(_ parameters: [Tensor], maxNorm: Double) throws(TorchError) -> Tensor {
    let grads = parameters.compactMap(\.grad)
    guard let first = grads.first else { return try Tensor(scalar: Float(0)) }
    let total = try FusedKernels.norms(grads).to(first.device).norm(2)
    // PyTorch's 1e-6 keeps the factor finite for an all-zero gradient.
    let factor = try (maxNorm / (total + 1e-6)).clamped(max: 1)
    try FusedKernels.scale(grads, by: factor)
    return total
  }

  /// Scales each gradient separately so its own L2 norm is at most `maxNorm`, as TensorFlow's
  /// `clip_by_norm` per variable (upstream attention_ocr's `clip_gradient_norms`).
  public static func clipEachNorm(_ parameters: [Tensor], maxNorm: Double) throws(TorchError) {
    let grads = parameters.compactMap(\.grad)
    guard !grads.isEmpty else { return }
    let norms = try FusedKernels.norms(grads).to(grads[0].device)  // [n]
    // t · clip / max(‖t‖, clip): 1 when within bounds.
    let factors = try maxNorm / norms.clamped(min: maxNorm)
    for (index, grad) in grads.enumerated() {
      try grad.multiplyInPlace(factors.select(dim: 0, index).to(grad.dtype))
    }
  }
}
