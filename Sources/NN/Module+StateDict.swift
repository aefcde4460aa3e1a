// SPDX-License-Identifier: Apache-2.0
import Torch

/// Why a set of tensors could not be loaded into a module.
public struct StateDictError: Error, CustomStringConvertible, Equatable {
  public let description: String
  public init(_ description: String) { self.description = description }
}

extension Module {
  /// Parameters and buffers by dotted name, as PyTorch's `module.state_dict()`.
  public func stateDict() -> [String: Tensor] {
    Dictionary(namedTensors().map { ($0.name, $0.parameter.tensor) }, uniquingKeysWith: { a, _ in a })
  }

  /// Copies `tensors` into this module's parameters and buffers.
  ///
  /// Every name and shape is checked before anything is written, so a failed load changes
  /// nothing. With `strict`, unknown and missing names are errors.
  public func loadStateDict(_ tensors: [String: Tensor], strict: Bool = true) throws {
    try validateStateDict(tensors, strict: strict)
    try withNoGrad { () throws(TorchError) in
      for (name, parameter) in namedTensors() {
        guard let source = tensors[name] else { continue }
        try parameter.tensor.copy(from: source.to(parameter.tensor.dtype, on: parameter.tensor.device))
      }
    }
  }

  /// Throws a `StateDictError` listing every missing, unexpected or mis-shaped tensor.
  public func validateStateDict(_ tensors: [String: Tensor], strict: Bool = true) throws {
    let own = namedTensors()
    var problems: [String] = []
    for (name, parameter) in own {
      guard let source = tensors[name] else {
        if strict { problems.append("missing tensor '\(name)'") }
        continue
      }
      if source.shape != parameter.tensor.shape {
        problems.append(
          "tensor '\(name)' has shape \(source.shape), the module expects \(parameter.tensor.shape)")
      }
    }
    if strict {
      let known = Set(own.map(\.name))
      for name in tensors.keys.sorted() where !known.contains(name) {
        problems.append("unexpected tensor '\(name)'")
      }
    }
    guard problems.isEmpty else {
      throw StateDictError("cannot load state dict: " + problems.joined(separator: "; "))
    }
  }
}
