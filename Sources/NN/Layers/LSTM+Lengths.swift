// SPDX-License-Identifier: Apache-2.0
import Torch

extension LSTM {
  /// Runs a batch-first, bidirectional LSTM over sequences of different lengths padded to a
  /// common one: each sequence's backward direction starts at its own last step instead of at
  /// the end of the batch's padding, so what a sequence's steps get does not depend on how long
  /// its batch-mates are. Outputs past a sequence's length are left as they come (mask them).
  ///
  /// - Parameters:
  ///   - x: [N, T, I].
  ///   - lengths: each sequence's steps, 1…T.
  /// - Returns: [N, T, 2·H]; with every length T, what `forward` returns.
  public func forward(_ x: Tensor, lengths: [Int]) throws(TorchError) -> Tensor {
    precondition(bidirectional && batchFirst, "lengths need a bidirectional, batch-first LSTM")
    precondition(layerCount == 1 || dropout == 0, "dropout between layers is not supported with lengths")
    let (batch, steps) = (x.shape[0], x.shape[1])
    precondition(
      lengths.count == batch && lengths.allSatisfy { (1...steps).contains($0) },
      "lengths \(lengths) do not fit a batch of \(batch) sequences of \(steps) steps")
    // Row order that reverses each sequence within its own length and leaves its padding where
    // it is; applying it twice restores the original order.
    var rows: [Int64] = []
    rows.reserveCapacity(batch * steps)
    for (n, length) in lengths.enumerated() {
      for t in 0..<steps { rows.append(Int64(n * steps + (t < length ? length - 1 - t : t))) }
    }
    let order = try Tensor(rows).to(x.device)
    func reversed(_ y: Tensor) throws(TorchError) -> Tensor {
      try y.reshaped([batch * steps, -1]).indexSelect(dim: 0, order).reshaped([batch, steps, -1])
    }
    let zeros = try Tensor.zeros([1, batch, hiddenSize], dtype: x.dtype, device: x.device)
    func direction(_ input: Tensor, _ weights: ArraySlice<Parameter>) throws(TorchError) -> Tensor {
      try Functional.lstm(
        input, h0: zeros, c0: zeros, weights: weights.map(\.tensor), hasBiases: true, layers: 1, dropout: 0,
        training: isTraining, bidirectional: false, batchFirst: true
      ).output  // [N, T, H]
    }
    var input = x
    for layer in 0..<layerCount {
      let first = layer * 8  // w_ih, w_hh, b_ih, b_hh forward, then the same backward
      let forward = try direction(input, flatWeights[first..<first + 4])
      let backward = try reversed(direction(reversed(input), flatWeights[first + 4..<first + 8]))
      input = try Tensor.cat([forward, backward], dim: 2)  // [N, T, 2·H]
    }
    return input
  }
}
