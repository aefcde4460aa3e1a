// SPDX-License-Identifier: Apache-2.0
import Torch

/// A multi-layer, optionally bidirectional LSTM over whole sequences (libtorch's fused kernel).
///
/// Names follow PyTorch's `nn.LSTM`: `weight_ih_l{k}`, `weight_hh_l{k}`, `bias_ih_l{k}`,
/// `bias_hh_l{k}`, with a `_reverse` suffix for the backward direction. Gate order: i, f, g, o.
public final class LSTM: Module, Layer {
  public let inputSize: Int
  public let hiddenSize: Int
  public let layerCount: Int
  public let bidirectional: Bool
  public let batchFirst: Bool
  public let dropout: Double
  /// In `_flat_weights` order: per layer, per direction, w_ih, w_hh, b_ih, b_hh.
  let flatWeights: [Parameter]

  public var directions: Int { bidirectional ? 2 : 1 }

  public init(
    inputSize: Int, hiddenSize: Int, layers: Int = 1, bidirectional: Bool = false,
    batchFirst: Bool = false, dropout: Double = 0
  ) throws(TorchError) {
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
    self.layerCount = layers
    self.bidirectional = bidirectional
    self.batchFirst = batchFirst
    self.dropout = dropout
    let bound = 1 / Double(hiddenSize).squareRoot()
    let initializer = Initializer.uniform(low: -bound, high: bound)
    var weights: [(String, Parameter)] = []
    for layer in 0..<layers {
      let layerInput = layer == 0 ? inputSize : hiddenSize * (bidirectional ? 2 : 1)
      for suffix in bidirectional ? ["", "_reverse"] : [""] {
        let tag = "l\(layer)\(suffix)"
        weights.append(("weight_ih_\(tag)", try Parameter(initializer.make([4 * hiddenSize, layerInput]))))
        weights.append(("weight_hh_\(tag)", try Parameter(initializer.make([4 * hiddenSize, hiddenSize]))))
        weights.append(("bias_ih_\(tag)", try Parameter(initializer.make([4 * hiddenSize]))))
        weights.append(("bias_hh_\(tag)", try Parameter(initializer.make([4 * hiddenSize]))))
      }
    }
    flatWeights = weights.map(\.1)
    super.init()
    for (name, parameter) in weights { register(parameter, as: name) }
  }

  /// Runs the sequence from a zero or given state.
  ///
  /// - Parameter x: [T, N, I], or [N, T, I] when `batchFirst`.
  /// - Returns: output [T, N, D·H] (or [N, T, D·H]) and final h, c: [layers·D, N, H].
  public func run(
    _ x: Tensor, state: (h: Tensor, c: Tensor)? = nil
  ) throws(TorchError) -> (output: Tensor, h: Tensor, c: Tensor) {
    precondition(x.rank == 3, "LSTM expects a 3-D input, got \(x.shape)")
    let batch = x.shape[batchFirst ? 0 : 1]
    let h0: Tensor
    let c0: Tensor
    if let state {
      (h0, c0) = state
    } else {
      let zeros = try Tensor.zeros(
        [layerCount * directions, batch, hiddenSize], dtype: x.dtype, device: x.device)
      (h0, c0) = (zeros, zeros)
    }
    return try Functional.lstm(
      x, h0: h0, c0: c0, weights: flatWeights.map(\.tensor), hasBiases: true, layers: layerCount,
      dropout: dropout, training: isTraining, bidirectional: bidirectional, batchFirst: batchFirst)
  }

  /// The output sequence only.
  public func forward(_ x: Tensor) throws(TorchError) -> Tensor { try run(x).output }
}
