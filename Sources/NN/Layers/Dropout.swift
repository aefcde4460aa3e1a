// SPDX-License-Identifier: Apache-2.0
import Torch

/// Zeroes each element with probability `p` in training mode; identity in evaluation mode.
public final class Dropout: Module, Layer {
  public let p: Double

  public init(_ p: Double) {
    precondition((0..<1).contains(p), "Dropout probability must be in [0, 1), got \(p)")
    self.p = p
    super.init()
  }

  public func forward(_ x: Tensor) throws(TorchError) -> Tensor {
    try x.dropout(p, training: isTraining)
  }
}
