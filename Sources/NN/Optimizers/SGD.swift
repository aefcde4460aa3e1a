// SPDX-License-Identifier: Apache-2.0
import Torch

/// Stochastic gradient descent with momentum and L2 weight decay (`torch.optim.SGD`).
public final class SGD: Optimizer {
  public var learningRate: Double
  public let momentum: Double
  public let weightDecay: Double
  public let nesterov: Bool
  public private(set) var stepCount = 0
  private let parameters: [NamedParameter]
  private var momentumBuffers: [String: Tensor] = [:]

  public init(
    for module: Module, learningRate: Double, momentum: Double = 0, weightDecay: Double = 0,
    nesterov: Bool = false
  ) {
    self.parameters = module.trainableNamedParameters
    self.learningRate = learningRate
    self.momentum = momentum
    self.weightDecay = weightDecay
    self.nesterov = nesterov
  }

  public func step() throws(TorchError) {
    var params: [Tensor] = []
    var grads: [Tensor] = []
    var buffers: [Tensor] = []
    var firstStep = false
    for entry in parameters {
      let p = entry.parameter.tensor
      guard let g = p.grad else { continue }
      params.append(p)
      grads.append(g)
      if momentum != 0 {
        if let buffer = momentumBuffers[entry.name] {
          buffers.append(buffer)
        } else {
          // PyTorch seeds the buffer with the first gradient; the fused kernel does that
          // when told this is the first step and the buffer is empty.
          let buffer = try p.zerosLike()
          momentumBuffers[entry.name] = buffer
          buffers.append(buffer)
          firstStep = true
        }
      }
    }
    stepCount += 1
    guard !params.isEmpty else { return }
    try FusedKernels.sgd(
      parameters: params, gradients: grads, momentumBuffers: buffers, learningRate: learningRate,
      momentum: momentum, weightDecay: weightDecay, nesterov: nesterov, isFirstStep: firstStep)
  }

  public func stateTensors() throws(TorchError) -> [String: Tensor] {
    var state = ["step": try Tensor(scalar: Int64(stepCount))]
    for (name, buffer) in momentumBuffers { state["momentum_buffer.\(name)"] = buffer }
    return state
  }

  public func loadStateTensors(_ tensors: [String: Tensor]) throws {
    var restored: [String: Tensor] = [:]
    for entry in parameters {
      let key = "momentum_buffer.\(entry.name)"
      if tensors[key] != nil {
        restored[entry.name] = try stateTensor(tensors, key, like: entry.parameter.tensor)
      }
    }
    guard let step = tensors["step"] else { throw StateDictError("optimizer state has no 'step'") }
    stepCount = Int(try step.item())
    momentumBuffers = restored
  }
}
