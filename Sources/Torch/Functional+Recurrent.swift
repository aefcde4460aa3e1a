// SPDX-License-Identifier: Apache-2.0
internal import CTorch

extension Functional {
  /// Runs libtorch's fused LSTM over a sequence.
  ///
  /// - Parameters:
  ///   - x: [T, N, I], or [N, T, I] when `batchFirst`.
  ///   - h0, c0: [layers × directions, N, H].
  ///   - weights: per layer and direction, in that order, `w_ih` [4H, I], `w_hh` [4H, H] and
  ///     (when `hasBiases`) `b_ih`, `b_hh` [4H], the order of PyTorch's `_flat_weights`.
  /// - Returns: output [T, N, directions × H] (batch-first if asked) and the final h and c.
  public static func lstm(
    _ x: Tensor, h0: Tensor, c0: Tensor, weights: [Tensor], hasBiases: Bool, layers: Int,
    dropout: Double, training: Bool, bidirectional: Bool, batchFirst: Bool
  ) throws(TorchError) -> (output: Tensor, h: Tensor, c: Tensor) {
    var out: [OpaquePointer?] = [nil, nil, nil]
    try withHandles(weights) { (list, n) throws(TorchError) in
      try checkStatus(
        ct_lstm(
          x.handle, h0.handle, c0.handle, list, n, hasBiases, Int64(layers), dropout, training,
          bidirectional, batchFirst, &out))
    }
    return (try wrapResult(out[0]), try wrapResult(out[1]), try wrapResult(out[2]))
  }

  /// One LSTM step. x: [N, I], h and c: [N, H] -> (h', c').
  public static func lstmCell(
    _ x: Tensor, h: Tensor, c: Tensor, weightIH: Tensor, weightHH: Tensor, biasIH: Tensor?,
    biasHH: Tensor?
  ) throws(TorchError) -> (h: Tensor, c: Tensor) {
    var out: [OpaquePointer?] = [nil, nil]
    try checkStatus(
      ct_lstm_cell(
        x.handle, h.handle, c.handle, weightIH.handle, weightHH.handle, biasIH?.handle,
        biasHH?.handle, &out))
    withExtendedLifetime((biasIH, biasHH)) {}
    return (try wrapResult(out[0]), try wrapResult(out[1]))
  }
}
