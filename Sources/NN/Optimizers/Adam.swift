// SPDX-License-Identifier: Apache-2.0
import Torch

/// Adam (Kingma & Ba 2015) with L2 weight decay, or AdamW (Loshchilov & Hutter 2019) with
/// decoupled weight decay, as `torch.optim.Adam` / `AdamW` with `fused=True`.
public final class Adam: Optimizer {
  public var learningRate: Double
  public let beta1: Double
  public let beta2: Double
  public let eps: Double
  public let weightDecay: Double
  public let decoupledWeightDecay: Bool
  public private(set) var stepCount = 0
  private let parameters: [NamedParameter]
  private var moments: [String: (m: Tensor, v: Tensor, step: Tensor)] = [:]

  public init(
    for module: Module, learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
    eps: Double = 1e-8, weightDecay: Double = 0, decoupledWeightDecay: Bool = false
  ) {
    self.parameters = module.trainableNamedParameters
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.eps = eps
    self.weightDecay = weightDecay
    self.decoupledWeightDecay = decoupledWeightDecay
  }

  /// AdamW with PyTorch's default decay of 0.01.
  public static func adamW(
    for module: Module, learningRate: Double = 1e-3, weightDecay: Double = 0.01
  ) -> Adam {
    Adam(for: module, learningRate: learningRate, weightDecay: weightDecay, decoupledWeightDecay: true)
  }

  public func step() throws(TorchError) {
    var params: [Tensor] = [], grads: [Tensor] = [], ms: [Tensor] = [], vs: [Tensor] = []
    var steps: [Tensor] = []
    for entry in parameters {
      let p = entry.parameter.tensor
      guard let g = p.grad else { continue }
      let state: (m: Tensor, v: Tensor, step: Tensor)
      if let existing = moments[entry.name] {
        state = existing
      } else {
        state = (try p.zerosLike(), try p.zerosLike(), try Tensor.zeros([], device: p.device))
        moments[entry.name] = state
      }
      params.append(p); grads.append(g); ms.append(state.m); vs.append(state.v); steps.append(state.step)
    }
    stepCount += 1
    guard !params.isEmpty else { return }
    try FusedKernels.adam(
      parameters: params, gradients: grads, expAvgs: ms, expAvgSqs: vs, steps: steps,
      learningRate: learningRate, beta1: beta1, beta2: beta2, weightDecay: weightDecay, eps: eps,
      decoupledWeightDecay: decoupledWeightDecay)
  }

  public func stateTensors() throws(TorchError) -> [String: Tensor] {
    var state = ["step": try Tensor(scalar: Int64(stepCount))]
    for (name, moment) in moments {
      state["exp_avg.\(name)"] = moment.m
      state["exp_avg_sq.\(name)"] = moment.v
      state["param_step.\(name)"] = moment.step
    }
    return state
  }

  public func loadStateTensors(_ tensors: [String: Tensor]) throws {
    var restored: [String: (m: Tensor, v: Tensor, step: Tensor)] = [:]
    for entry in parameters where tensors["exp_avg.\(entry.name)"] != nil {
      let p = entry.parameter.tensor
      restored[entry.name] = (
        try stateTensor(tensors, "exp_avg.\(entry.name)", like: p),
        try stateTensor(tensors, "exp_avg_sq.\(entry.name)", like: p),
        try stateTensor(tensors, "param_step.\(entry.name)", like: Tensor.zeros([], device: p.device))
      )
    }
    guard let step = tensors["step"] else { throw StateDictError("optimizer state has no 'step'") }
    stepCount = Int(try step.item())
    moments = restored
  }
}
