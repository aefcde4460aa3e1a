// SPDX-License-Identifier: Apache-2.0
internal import CTorch

/// In-place kernels over lists of tensors, the building blocks of the optimizers in `NN`.
public enum FusedKernels {
  /// SGD with momentum and L2 weight decay, as `torch.optim.SGD(fused=True)`.
  public static func sgd(
    parameters: [Tensor], gradients: [Tensor], momentumBuffers: [Tensor], learningRate: Double,
    momentum: Double, dampening: Double = 0, weightDecay: Double, nesterov: Bool,
    isFirstStep: Bool
  ) throws(TorchError) {
    try withHandles(parameters) { (p, n) throws(TorchError) in
      try withHandles(gradients) { (g, _) throws(TorchError) in
        try withHandles(momentumBuffers) { (m, _) throws(TorchError) in
          try checkStatus(
            ct_fused_sgd_(
              p, g, m, n, learningRate, momentum, dampening, weightDecay, nesterov, isFirstStep))
        }
      }
    }
  }

  /// Adam (`decoupledWeightDecay` false) or AdamW, as `torch.optim.Adam(fused=True)`.
  /// `steps` are one-element float32 tensors, incremented here.
  public static func adam(
    parameters: [Tensor], gradients: [Tensor], expAvgs: [Tensor], expAvgSqs: [Tensor],
    steps: [Tensor], learningRate: Double, beta1: Double, beta2: Double, weightDecay: Double,
    eps: Double, decoupledWeightDecay: Bool
  ) throws(TorchError) {
    try withHandles(parameters) { (p, n) throws(TorchError) in
      try withHandles(gradients) { (g, _) throws(TorchError) in
        try withHandles(expAvgs) { (m, _) throws(TorchError) in
          try withHandles(expAvgSqs) { (v, _) throws(TorchError) in
            try withHandles(steps) { (s, _) throws(TorchError) in
              try checkStatus(
                ct_fused_adam_(
                  p, g, m, v, s, n, learningRate, beta1, beta2, weightDecay, eps,
                  decoupledWeightDecay))
            }
          }
        }
      }
    }
  }

  /// The L2 norm of each tensor, as one float32 vector [n].
  public static func norms(_ tensors: [Tensor]) throws(TorchError) -> Tensor {
    try withHandles(tensors) { (list, n) throws(TorchError) in try wrapResult(ct_foreach_norm(list, n)) }
  }

  /// Multiplies each tensor in place by the one-element tensor `scale`, with no host sync.
  public static func scale(_ tensors: [Tensor], by scale: Tensor) throws(TorchError) {
    try withHandles(tensors) { (list, n) throws(TorchError) in
      try checkStatus(ct_foreach_mul_(list, n, scale.handle))
    }
  }
}
