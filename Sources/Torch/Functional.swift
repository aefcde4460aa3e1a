// SPDX-License-Identifier: Apache-2.0
internal import CTorch

/// How a loss combines per-element values (libtorch's numbering).
public enum LossReduction: Int64, Sendable {
  case none = 0
  case mean = 1
  case sum = 2
}

/// Stateless neural-network functions over tensors, as PyTorch's `torch.nn.functional`.
public enum Functional {
  /// `x @ weightᵀ + bias`. x: [..., in], weight: [out, in] -> [..., out].
  public static func linear(_ x: Tensor, weight: Tensor, bias: Tensor?) throws(TorchError) -> Tensor {
    defer { withExtendedLifetime(bias) {} }
    return try wrapResult(ct_linear(x.handle, weight.handle, bias?.handle))
  }

  /// 2-D convolution. x: [N, C, H, W], weight: [O, C/groups, kH, kW] -> [N, O, H', W'].
  public static func conv2d(
    _ x: Tensor, weight: Tensor, bias: Tensor?, stride: (Int, Int) = (1, 1),
    padding: (Int, Int) = (0, 0), dilation: (Int, Int) = (1, 1), groups: Int = 1
  ) throws(TorchError) -> Tensor {
    defer { withExtendedLifetime(bias) {} }
    let s = [Int64(stride.0), Int64(stride.1)]
    let p = [Int64(padding.0), Int64(padding.1)]
    let d = [Int64(dilation.0), Int64(dilation.1)]
    return try wrapResult(ct_conv2d(x.handle, weight.handle, bias?.handle, s, p, d, Int64(groups)))
  }

  /// Max pooling over [N, C, H, W]; `stride` defaults to `kernel`.
  public static func maxPool2d(
    _ x: Tensor, kernel: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0),
    ceilMode: Bool = false
  ) throws(TorchError) -> Tensor {
    let stride = stride ?? kernel
    return try wrapResult(
      ct_max_pool2d(
        x.handle, [Int64(kernel.0), Int64(kernel.1)], [Int64(stride.0), Int64(stride.1)],
        [Int64(padding.0), Int64(padding.1)], ceilMode))
  }

  /// Average pooling over [N, C, H, W]; `stride` defaults to `kernel`.
  public static func avgPool2d(
    _ x: Tensor, kernel: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0),
    ceilMode: Bool = false, countIncludePad: Bool = true
  ) throws(TorchError) -> Tensor {
    let stride = stride ?? kernel
    return try wrapResult(
      ct_avg_pool2d(
        x.handle, [Int64(kernel.0), Int64(kernel.1)], [Int64(stride.0), Int64(stride.1)],
        [Int64(padding.0), Int64(padding.1)], ceilMode, countIncludePad))
  }

  public static func adaptiveAvgPool2d(_ x: Tensor, outputSize: (Int, Int)) throws(TorchError) -> Tensor {
    try wrapResult(ct_adaptive_avg_pool2d(x.handle, [Int64(outputSize.0), Int64(outputSize.1)]))
  }

  /// Batch normalisation over the channel axis 1. In training mode the running statistics are
  /// updated in place with `momentum`, as PyTorch does.
  public static func batchNorm(
    _ x: Tensor, weight: Tensor?, bias: Tensor?, runningMean: Tensor?, runningVar: Tensor?,
    training: Bool, momentum: Double = 0.1, eps: Double = 1e-5
  ) throws(TorchError) -> Tensor {
    defer { withExtendedLifetime((weight, bias, runningMean, runningVar)) {} }
    return try wrapResult(
      ct_batch_norm(
        x.handle, weight?.handle, bias?.handle, runningMean?.handle, runningVar?.handle,
        training, momentum, eps))
  }

  public static func layerNorm(
    _ x: Tensor, normalizedShape: [Int], weight: Tensor?, bias: Tensor?, eps: Double = 1e-5
  ) throws(TorchError) -> Tensor {
    defer { withExtendedLifetime((weight, bias)) {} }
    let shape = normalizedShape.map(Int64.init)
    return try wrapResult(
      ct_layer_norm(x.handle, shape, Int32(shape.count), weight?.handle, bias?.handle, eps))
  }

  /// Rows of `weight` picked by integer `indices`: [...] -> [..., D].
  public static func embedding(
    _ indices: Tensor, weight: Tensor, paddingIndex: Int? = nil
  ) throws(TorchError) -> Tensor {
    try wrapResult(ct_embedding(weight.handle, indices.handle, Int64(paddingIndex ?? -1)))
  }

  /// Cross-entropy from logits [N, C] (or [N, C, d...]) and class indices [N] (int64).
  /// Targets equal to `ignoreIndex` contribute nothing; `labelSmoothing` mixes in the uniform
  /// distribution as PyTorch does.
  public static func crossEntropy(
    logits: Tensor, targets: Tensor, weight: Tensor? = nil, reduction: LossReduction = .mean,
    ignoreIndex: Int = -100, labelSmoothing: Double = 0
  ) throws(TorchError) -> Tensor {
    defer { withExtendedLifetime(weight) {} }
    return try wrapResult(
      ct_cross_entropy(
        logits.handle, targets.handle, weight?.handle, reduction.rawValue, Int64(ignoreIndex),
        labelSmoothing))
  }

  /// Connectionist temporal classification loss. logProbs: [T, N, C] (log-softmaxed),
  /// targets: [N, S] int64, one input and target length per batch item.
  public static func ctcLoss(
    logProbs: Tensor, targets: Tensor, inputLengths: [Int], targetLengths: [Int], blank: Int = 0,
    reduction: LossReduction = .mean, zeroInfinity: Bool = false
  ) throws(TorchError) -> Tensor {
    guard inputLengths.count == targetLengths.count else {
      throw TorchError(
        "ctcLoss: \(inputLengths.count) input lengths but \(targetLengths.count) target lengths")
    }
    return try wrapResult(
      ct_ctc_loss(
        logProbs.handle, targets.handle, inputLengths.map(Int64.init),
        targetLengths.map(Int64.init), Int64(inputLengths.count), Int64(blank),
        reduction.rawValue, zeroInfinity))
  }

  public static func mseLoss(
    _ a: Tensor, _ b: Tensor, reduction: LossReduction = .mean
  ) throws(TorchError) -> Tensor {
    try wrapResult(ct_mse_loss(a.handle, b.handle, reduction.rawValue))
  }
}
