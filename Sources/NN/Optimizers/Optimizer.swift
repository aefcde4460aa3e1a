// SPDX-License-Identifier: Apache-2.0
import Torch

/// Updates a module's parameters from their gradients.
///
/// Optimizers keep their per-parameter state under the parameter's dotted name, so a
/// checkpoint can store it next to the weights (`exp_avg.encoder.conv1.weight`).
public protocol Optimizer: AnyObject {
  /// Used by the next `step()`; a schedule sets it before each step.
  var learningRate: Double { get set }
  /// Number of `step()` calls so far.
  var stepCount: Int { get }
  /// Applies one update to every parameter that has a gradient.
  func step() throws(TorchError)
  /// The state to save, by name. Loading it back restores the optimizer exactly.
  func stateTensors() throws(TorchError) -> [String: Tensor]
  func loadStateTensors(_ tensors: [String: Tensor]) throws
}

extension Optimizer {
  /// The step counter is saved as a tensor so the whole state is one safetensors file.
  static var stepCountKey: String { "step" }
}

/// A trainable parameter together with its name, as optimizers track them.
struct NamedParameter {
  let name: String
  let parameter: Parameter
}

extension Module {
  var trainableNamedParameters: [NamedParameter] {
    namedParameters().map { NamedParameter(name: $0.name, parameter: $0.parameter) }
  }
}

/// Reads one state tensor, or throws naming what is missing or mis-shaped.
func stateTensor(_ tensors: [String: Tensor], _ key: String, like reference: Tensor) throws -> Tensor {
  guard let tensor = tensors[key] else {
    throw StateDictError("optimizer state has no tensor '\(key)'")
  }
  guard tensor.shape == reference.shape else {
    throw StateDictError("optimizer state '\(key)' has shape \(tensor.shape), expected \(reference.shape)")
  }
  return try tensor.to(reference.dtype, on: reference.device).clone()
}
