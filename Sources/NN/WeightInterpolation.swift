// SPDX-License-Identifier: Apache-2.0
import Torch

/// Weights part way between two models of one architecture, tensor by tensor.
///
/// Two models where one was fine-tuned from the other (or both from a third) lie in one basin
/// of the loss, so the straight line between them holds models that keep much of what each
/// learned: fine-tuning on new lines, then blending with the model it started from, trades
/// what was gained against what was forgotten (weight-space ensembling, "model soups").
public enum WeightInterpolation {
  /// (1 − `share`)·`a` + `share`·`b` for every floating-point tensor; integer buffers (such as
  /// batch norm's step count) are `a`'s. Throws a `StateDictError` naming every tensor the two
  /// do not share, with the same shape and type.
  public static func interpolate(
    _ a: [String: Tensor], _ b: [String: Tensor], share: Double
  ) throws -> [String: Tensor] {
    precondition((0...1).contains(share), "share \(share) is not between 0 and 1")
    var problems: [String] = []
    for name in Set(a.keys).symmetricDifference(b.keys).sorted() {
      problems.append("tensor '\(name)' is in \(a[name] == nil ? "the second" : "the first") model only")
    }
    for (name, tensor) in a.sorted(by: { $0.key < $1.key }) {
      guard let other = b[name] else { continue }
      if other.shape != tensor.shape || other.dtype != tensor.dtype {
        problems.append(
          "tensor '\(name)' is \(tensor.dtype) \(tensor.shape) in the first model, \(other.dtype) \(other.shape) in the second"
        )
      }
    }
    guard problems.isEmpty else {
      throw StateDictError("the models differ in architecture: " + problems.joined(separator: "; "))
    }
    return try withNoGrad { () throws(TorchError) in
      var blended: [String: Tensor] = [:]
      for (name, tensor) in a {
        blended[name] =
          tensor.dtype.isFloatingPoint ? try tensor * (1 - share) + b[name]! * share : tensor
      }
      return blended
    }
  }
}
