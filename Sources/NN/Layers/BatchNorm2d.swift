// SPDX-License-Identifier: Apache-2.0
import Torch

/// Batch normalisation over channels of [N, C, H, W].
/// Names: `weight`, `bias` (when affine), buffers `running_mean`, `running_var`,
/// `num_batches_tracked`, as PyTorch's `BatchNorm2d`.
public final class BatchNorm2d: Module, Layer {
  public let weight: Parameter?
  public let bias: Parameter?
  public let runningMean: Parameter
  public let runningVar: Parameter
  public let batchesTracked: Parameter
  /// Weight of the current batch in the running statistics; `recalibrate` changes it.
  public var momentum: Double
  public let eps: Double

  /// - Parameters:
  ///   - scale: learn a per-channel gamma (`false` gives upstream attention_ocr's BN without gamma).
  ///   - center: learn a per-channel beta.
  public init(
    channels: Int, momentum: Double = 0.1, eps: Double = 1e-5, scale: Bool = true,
    center: Bool = true
  ) throws(TorchError) {
    weight = scale ? try Parameter(Tensor.ones([channels])) : nil
    bias = center ? try Parameter(Tensor.zeros([channels])) : nil
    runningMean = try Parameter(Tensor.zeros([channels]), trainable: false)
    runningVar = try Parameter(Tensor.ones([channels]), trainable: false)
    batchesTracked = try Parameter(Tensor.zeros([], dtype: .int64), trainable: false)
    self.momentum = momentum
    self.eps = eps
    super.init()
    if let weight { register(weight, as: "weight") }
    if let bias { register(bias, as: "bias") }
    register(runningMean, as: "running_mean")
    register(runningVar, as: "running_var")
    register(batchesTracked, as: "num_batches_tracked")
  }

  /// x: [N, C, H, W] (or [N, C]) -> same shape.
  public func forward(_ x: Tensor) throws(TorchError) -> Tensor {
    if isTraining {
      try withNoGrad { () throws(TorchError) in
        try batchesTracked.tensor.addInPlace(Tensor.ones([], dtype: .int64, device: x.device))
      }
    }
    return try Functional.batchNorm(
      x, weight: weight?.tensor, bias: bias?.tensor, runningMean: runningMean.tensor,
      runningVar: runningVar.tensor, training: isTraining, momentum: momentum, eps: eps)
  }
}
