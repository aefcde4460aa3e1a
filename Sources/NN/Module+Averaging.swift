// SPDX-License-Identifier: Apache-2.0
import Torch

extension Module {
  /// Moves each floating-point tensor of this module a share `1 − decay` of the way towards
  /// `source`'s, and copies its integer buffers: called after every optimizer step, this module
  /// holds an exponential moving average of the weights the run passed through (Polyak
  /// averaging). Late in a run the weights jitter about a minimum with the noise of each
  /// batch; their average sits nearer it, and reads held-out lines at least as well as the
  /// last step without any more training.
  ///
  /// `source` must have this module's architecture; every name and shape is checked first,
  /// so a mismatch throws and changes nothing.
  public func averageTowards(_ source: Module, decay: Double) throws {
    precondition((0...1).contains(decay), "decay \(decay) is not between 0 and 1")
    let sourceTensors = source.stateDict()
    try validateStateDict(sourceTensors)
    try withNoGrad { () throws(TorchError) in
      for (name, parameter) in namedTensors() {
        let target = parameter.tensor
        let latest = sourceTensors[name]!
        if target.dtype.isFloatingPoint {
          try target.multiplyInPlace(decay)
          try target.addInPlace(latest.to(target.dtype, on: target.device), alpha: 1 - decay)
        } else {
          try target.copy(from: latest.to(target.dtype, on: target.device))
        }
      }
    }
  }
}
