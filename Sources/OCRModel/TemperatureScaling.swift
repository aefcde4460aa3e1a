// SPDX-License-Identifier: Apache-2.0
import Foundation
import Torch

/// Temperature scaling: one number T that divides the logits before the softmax, chosen so the
/// probabilities match how often the model is right. Training with label smoothing teaches the
/// model never to be sure (a perfectly read character gets about 0.9), so a long line read
/// without a mistake would otherwise get a low confidence. T changes no decision of greedy
/// decoding: the most probable character stays the most probable.
public enum TemperatureScaling {
  /// The temperature minimising the mean negative log-likelihood of `targets` [M] under
  /// `logits` [M, K] / T, searched over T in `range` (golden-section search on log T, whose
  /// objective is convex for temperature scaling).
  public static func fit(
    logits: Tensor, targets: Tensor, range: ClosedRange<Double> = 0.05...20, tolerance: Double = 1e-4
  ) throws(TorchError) -> Double {
    let picked = try targets.unsqueezed(1)  // [M, 1]
    func loss(_ logTemperature: Double) throws(TorchError) -> Double {
      let scaled = try (logits / exp(logTemperature)).logSoftmax(dim: 1)  // [M, K]
      return try -scaled.gather(dim: 1, picked).mean().item()
    }
    let ratio = (5.0.squareRoot() - 1) / 2
    var low = log(range.lowerBound), high = log(range.upperBound)
    var a = high - ratio * (high - low), b = low + ratio * (high - low)
    var lossA = try loss(a), lossB = try loss(b)
    while high - low > tolerance {
      if lossA < lossB {
        high = b
        b = a
        lossB = lossA
        a = high - ratio * (high - low)
        lossA = try loss(a)
      } else {
        low = a
        a = b
        lossA = lossB
        b = low + ratio * (high - low)
        lossB = try loss(b)
      }
    }
    return exp((low + high) / 2)
  }
}
