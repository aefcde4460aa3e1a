// SPDX-License-Identifier: Apache-2.0
import Torch

/// The base of every layer and model: it owns named parameters, buffers and sub-modules, and
/// names them with dots the way a PyTorch `state_dict` does (`encoder.conv1.weight`).
///
/// A subclass registers what it owns in its initialiser:
///
/// ```swift
/// final class Block: Module, Layer {
///   let conv: Conv2d
///   let scale: Parameter
///   init(channels: Int) throws(TorchError) {
///     conv = try Conv2d(inputChannels: 1, outputChannels: channels, kernelSize: 3)
///     scale = try Parameter(Tensor.ones([channels, 1, 1]))
///     super.init()
///     register(conv, as: "conv")
///     register(scale, as: "scale")
///   }
///   func forward(_ x: Tensor) throws(TorchError) -> Tensor { try conv(x).relu() }
/// }
/// ```
open class Module {
  private var ownTensors: [(name: String, parameter: Parameter)] = []
  private var children: [(name: String, module: Module)] = []
  /// True in training mode (dropout active, batch norm on batch statistics).
  public private(set) var isTraining = true

  public init() {}

  /// Registers a trainable tensor under `name` and returns its box.
  @discardableResult
  public func registerParameter(_ tensor: Tensor, as name: String) throws(TorchError) -> Parameter {
    let parameter = try Parameter(tensor, trainable: true)
    ownTensors.append((name, parameter))
    return parameter
  }

  /// Registers a non-trainable tensor (e.g. running statistics) under `name`.
  @discardableResult
  public func registerBuffer(_ tensor: Tensor, as name: String) throws(TorchError) -> Parameter {
    let buffer = try Parameter(tensor, trainable: false)
    ownTensors.append((name, buffer))
    return buffer
  }

  /// Registers a parameter or buffer created before `super.init()`.
  public func register(_ parameter: Parameter, as name: String) {
    ownTensors.append((name, parameter))
  }

  /// Registers a sub-module; its tensors are named `name.<its names>`.
  public func register(_ module: Module, as name: String) {
    children.append((name, module))
  }

  /// Every parameter and buffer of this module and its sub-modules, depth first, by dotted name.
  public func namedTensors() -> [(name: String, parameter: Parameter)] {
    var result = ownTensors
    for (prefix, child) in children {
      result += child.namedTensors().map { ("\(prefix).\($0.name)", $0.parameter) }
    }
    return result
  }

  /// This module and every sub-module, depth first.
  public func allModules() -> [Module] {
    [self] + children.flatMap { $0.module.allModules() }
  }

  /// The trainable tensors, by dotted name.
  public func namedParameters() -> [(name: String, parameter: Parameter)] {
    namedTensors().filter { $0.parameter.isTrainable }
  }

  public func namedBuffers() -> [(name: String, parameter: Parameter)] {
    namedTensors().filter { !$0.parameter.isTrainable }
  }

  /// The trainable tensors.
  public var parameters: [Tensor] { namedParameters().map(\.parameter.tensor) }

  /// Total number of trainable scalars.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

  /// Switches this module and all sub-modules to training (`true`) or evaluation mode.
  public func train(_ training: Bool = true) {
    isTraining = training
    for (_, child) in children { child.train(training) }
  }

  public func eval() { train(false) }

  /// Moves every parameter and buffer to `device`.
  public func move(to device: Device) throws(TorchError) {
    try Torch.validate(device)
    for (_, parameter) in namedTensors() { try parameter.move(to: device) }
  }

  /// Drops all accumulated gradients.
  public func zeroGrad() throws(TorchError) {
    for tensor in parameters { try tensor.zeroGrad() }
  }
}

/// A module with a single-tensor forward pass.
public protocol Layer: Module {
  func forward(_ x: Tensor) throws(TorchError) -> Tensor
}

extension Layer {
  public func callAsFunction(_ x: Tensor) throws(TorchError) -> Tensor { try forward(x) }
}
