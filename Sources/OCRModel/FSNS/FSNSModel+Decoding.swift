// SPDX-License-Identifier: Apache-2.0
import NN
import Torch

extension FSNSModel {
  /// Greedy predictions as upstream reads them: all T steps' argmax ids and their probabilities.
  public func predict(_ images: Tensor) throws(TorchError) -> [(ids: [Int], scores: [Double])] {
    try withNoGrad { () throws(TorchError) in
      let probabilities = try logits(images, targets: nil).softmax(dim: 2)  // [N, T, K]
      let best = try probabilities.max([2])  // [N, T]
      let ids = try probabilities.argmax(dim: 2).toArray(of: Int64.self)
      let scores = try best.to(.float64).toArray(of: Double.self)
      let length = config.sequenceLength
      return (0..<images.shape[0]).map { n in
        (
          ids[(n * length)..<((n + 1) * length)].map(Int.init),
          Array(scores[(n * length)..<((n + 1) * length)])
        )
      }
    }
  }

  /// Re-estimates batch norm's running statistics as the plain mean over `batches` in training
  /// mode. Upstream's decay of 0.9997 needs thousands of steps before inference statistics
  /// settle; this gives them at once, e.g. after a short run.
  public func recalibrateNormalization(_ batches: [Tensor]) throws(TorchError) {
    let norms = allModules().compactMap { $0 as? BatchNorm2d }
    let saved = norms.map(\.momentum)
    let wasTraining = isTraining
    defer {
      for (norm, momentum) in zip(norms, saved) { norm.momentum = momentum }
      train(wasTraining)
    }
    train()
    try withNoGrad { () throws(TorchError) in
      for (index, batch) in batches.enumerated() {
        // A cumulative average: batch i (0-based) gets weight 1/(i+1).
        for norm in norms { norm.momentum = 1 / Double(index + 1) }
        _ = try memory(batch)
      }
    }
  }
}
