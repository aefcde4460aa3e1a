// SPDX-License-Identifier: Apache-2.0
import Foundation
import Torch

/// How a weight tensor is filled at construction, matching `torch.nn.init`.
///
/// Fans follow PyTorch: for a weight [out, in, k...], fanIn = in·∏k and fanOut = out·∏k.
public enum Initializer: Sendable {
  case zeros
  case ones
  case constant(Double)
  case uniform(low: Double, high: Double)
  case normal(mean: Double, std: Double)
  /// He et al. 2015; `a` is the negative slope of the following leaky ReLU.
  case kaimingUniform(a: Double = 0)
  case kaimingNormal(a: Double = 0)
  /// Glorot & Bengio 2010.
  case glorotUniform(gain: Double = 1)
  case glorotNormal(gain: Double = 1)
  /// Saxe et al. 2013: a (semi-)orthogonal matrix over the weight flattened to [rows, rest].
  case orthogonal(gain: Double = 1)

  /// PyTorch's default for `Linear` and `Conv2d` weights.
  public static let pyTorchDefault = Initializer.kaimingUniform(a: 5.0.squareRoot())

  /// A new tensor of `shape` filled by this rule (drawn from libtorch's seeded generator).
  public func make(_ shape: [Int], dtype: DType = .float32, device: Device = .cpu) throws(TorchError)
    -> Tensor
  {
    let (fanIn, fanOut) = Initializer.fans(shape)
    switch self {
    case .zeros: return try Tensor.zeros(shape, dtype: dtype, device: device)
    case .ones: return try Tensor.ones(shape, dtype: dtype, device: device)
    case .constant(let value): return try Tensor.full(shape, value: value, dtype: dtype, device: device)
    case .uniform(let low, let high):
      return try Tensor.uniform(shape, low: low, high: high, dtype: dtype, device: device)
    case .normal(let mean, let std):
      return try Tensor.randn(shape, dtype: dtype, device: device) * std + mean
    case .kaimingUniform(let a):
      let bound = (2.0 / (1 + a * a)).squareRoot() * (3.0 / Double(fanIn)).squareRoot()
      return try Tensor.uniform(shape, low: -bound, high: bound, dtype: dtype, device: device)
    case .kaimingNormal(let a):
      let std = (2.0 / (1 + a * a)).squareRoot() / Double(fanIn).squareRoot()
      return try Tensor.randn(shape, dtype: dtype, device: device) * std
    case .glorotUniform(let gain):
      let bound = gain * (6.0 / Double(fanIn + fanOut)).squareRoot()
      return try Tensor.uniform(shape, low: -bound, high: bound, dtype: dtype, device: device)
    case .glorotNormal(let gain):
      let std = gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
      return try Tensor.randn(shape, dtype: dtype, device: device) * std
    case .orthogonal(let gain):
      return try Initializer.orthogonal(shape, gain: gain, dtype: dtype, device: device)
    }
  }

  /// (fanIn, fanOut) as `torch.nn.init._calculate_fan_in_and_fan_out` computes them.
  public static func fans(_ shape: [Int]) -> (Int, Int) {
    guard shape.count >= 2 else { return (shape.first ?? 1, shape.first ?? 1) }
    let receptive = shape.dropFirst(2).reduce(1, *)
    return (shape[1] * receptive, shape[0] * receptive)
  }

  /// Gram–Schmidt on a normal sample gives the Q of a QR decomposition with a positive
  /// diagonal R, which is what PyTorch's `orthogonal_` produces after its sign fix.
  private static func orthogonal(
    _ shape: [Int], gain: Double, dtype: DType, device: Device
  ) throws(TorchError) -> Tensor {
    precondition(shape.count >= 2, "orthogonal init needs at least 2 dimensions, got \(shape)")
    let rows = shape[0]
    let cols = shape.dropFirst().reduce(1, *)
    // Orthonormalise the vectors of the longer side: columns of a tall matrix, rows of a wide one.
    let tall = rows >= cols
    let (count, length) = tall ? (cols, rows) : (rows, cols)
    let sample = try Tensor.randn([count, length], dtype: .float64)
    let basis = try Tensor.zeros([count, length], dtype: .float64)
    for i in 0..<count {
      var v = try sample.select(dim: 0, i)  // [L]
      if i > 0 {
        let done = try basis.slice(dim: 0, 0, i)  // [i, L]
        for _ in 0..<2 {  // a second pass restores orthogonality lost to rounding
          v = try v - done.transposed(0, 1).matmul(done.matmul(v))
        }
      }
      try basis.select(dim: 0, i).copy(from: v / v.norm())
    }
    let matrix = tall ? try basis.transposed(0, 1) : basis  // [rows, cols]
    return try (matrix * gain).contiguous().reshaped(shape).to(dtype, on: device)
  }
}

extension Initializer {
  /// PyTorch's default bias for `Linear` and `Conv2d`: U(-1/√fanIn, 1/√fanIn).
  public static func pyTorchBias(fanIn: Int) -> Initializer {
    let bound = 1 / Double(fanIn).squareRoot()
    return .uniform(low: -bound, high: bound)
  }
}
