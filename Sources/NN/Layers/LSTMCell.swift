// SPDX-License-Identifier: Apache-2.0
import Torch

/// One LSTM step, for decoders that feed each output back in.
/// Names as PyTorch's `nn.LSTMCell`: `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`.
public final class LSTMCell: Module {
  public let inputSize: Int
  public let hiddenSize: Int
  public let weightIH: Parameter
  public let weightHH: Parameter
  public let biasIH: Parameter
  public let biasHH: Parameter

  public init(inputSize: Int, hiddenSize: Int) throws(TorchError) {
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
    let bound = 1 / Double(hiddenSize).squareRoot()
    let initializer = Initializer.uniform(low: -bound, high: bound)
    weightIH = try Parameter(initializer.make([4 * hiddenSize, inputSize]))
    weightHH = try Parameter(initializer.make([4 * hiddenSize, hiddenSize]))
    biasIH = try Parameter(initializer.make([4 * hiddenSize]))
    biasHH = try Parameter(initializer.make([4 * hiddenSize]))
    super.init()
    register(weightIH, as: "weight_ih")
    register(weightHH, as: "weight_hh")
    register(biasIH, as: "bias_ih")
    register(biasHH, as: "bias_hh")
  }

  /// A zero state for a batch of `batch`: h and c [N, H].
  public func zeroState(batch: Int, like x: Tensor) throws(TorchError) -> (h: Tensor, c: Tensor) {
    let zeros = try Tensor.zeros([batch, hiddenSize], dtype: x.dtype, device: x.device)
    return (zeros, zeros)
  }

  /// x: [N, I], state: [N, H] each -> the next state.
  public func step(_ x: Tensor, state: (h: Tensor, c: Tensor)) throws(TorchError) -> (h: Tensor, c: Tensor) {
    try Functional.lstmCell(
      x, h: state.h, c: state.c, weightIH: weightIH.tensor, weightHH: weightHH.tensor,
      biasIH: biasIH.tensor, biasHH: biasHH.tensor)
  }
}
