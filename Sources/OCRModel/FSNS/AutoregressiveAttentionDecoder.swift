// SPDX-License-Identifier: Apache-2.0
import NN
import Torch

/// attention_ocr's `AttentionWithAutoregression` decoder, step for step as TensorFlow's
/// `legacy_seq2seq.attention_decoder` unrolls it (upstream-spec §1.6):
///
///     x_t = W_in·[onehot(prev) ; u_{t-1}] + b_in          W_in: K+A → K
///     (h, c) = LSTM(x_t)                                  TF gate order i, j, f, o; forget bias 1; |c| ≤ clip
///     α_t = softmax_j(v·tanh(W_h·m_j + W_q·[c ; h] + b_q))
///     u_t = Σ_j α_tj·m_j
///     logits_t = softmax_w·(W_o·[h ; u_t] + b_o) + softmax_b
///
/// Every step emits a class; texts end in the null class, which pads every target to T steps.
/// The K-wide one-hot times W_in is a row lookup, computed as one.
public final class AutoregressiveAttentionDecoder: Module {
  public let config: FSNSConfig
  /// W_in, b_in ("attention_decoder/weights|biases").
  public let inputProjection: Linear
  /// The LSTM kernel over [x ; h] ("lstm_cell/kernel|bias").
  public let lstm: Linear
  /// W_h, a 1×1 conv over the memory ("AttnW_0").
  public let memoryProjection: Linear
  /// W_q, b_q ("Attention_0/weights|biases").
  public let queryProjection: Linear
  /// v ("AttnV_0").
  public let attentionVector: Parameter
  /// W_o, b_o ("AttnOutputProjection").
  public let outputProjection: Linear
  /// softmax_w, softmax_b.
  public let classifier: Linear

  public init(config: FSNSConfig) throws(TorchError) {
    self.config = config
    let (k, a, u) = (config.classes, FSNSConfig.featureChannels, config.lstmUnits)
    inputProjection = try Linear(inputSize: k + a, outputSize: k, weightInit: .glorotUniform())
    lstm = try Linear(inputSize: k + u, outputSize: 4 * u, weightInit: .orthogonal())
    memoryProjection = try Linear(inputSize: a, outputSize: a, bias: false, weightInit: .glorotUniform())
    queryProjection = try Linear(inputSize: 2 * u, outputSize: a, weightInit: .glorotUniform())
    attentionVector = try Parameter(Initializer.glorotUniform().make([1, a]).reshaped([a]))
    outputProjection = try Linear(inputSize: u + a, outputSize: u, weightInit: .glorotUniform())
    classifier = try Linear(inputSize: u, outputSize: k, weightInit: .orthogonal())
    super.init()
    try withNoGrad { () throws(TorchError) in
      for layer in [inputProjection, lstm, queryProjection, outputProjection, classifier] {
        try layer.bias?.tensor.fill(0)
      }
    }
    register(inputProjection, as: "input_projection")
    register(lstm, as: "lstm")
    register(memoryProjection, as: "memory_projection")
    register(queryProjection, as: "query_projection")
    register(attentionVector, as: "attention_vector")
    register(outputProjection, as: "output_projection")
    register(classifier, as: "classifier")
  }

  /// memory [N, L, A]; `targets` [N, T] teacher-forces the fed-back characters, nil feeds back
  /// each step's argmax. Returns logits [N, T, K] and attention weights [N, T, L].
  public func forward(memory: Tensor, targets: Tensor?) throws(TorchError) -> (
    logits: Tensor, attention: Tensor
  ) {
    let (n, k, u) = (memory.shape[0], config.classes, config.lstmUnits)
    let keys = try memoryProjection(memory)  // [N, L, A]
    let weight = inputProjection.weight.tensor  // [K, K + A]
    let characterRows = try weight.slice(dim: 1, 0, k).transposed(0, 1)  // [K_prev, K]
    let contextWeight = try weight.slice(dim: 1, k, weight.shape[1])  // [K, A]
    var h = try Tensor.zeros([n, u], dtype: memory.dtype, device: memory.device)
    var c = h
    var context = try Tensor.zeros(
      [n, FSNSConfig.featureChannels], dtype: memory.dtype, device: memory.device)
    var previous: Tensor? = nil  // [N] int64; step 0 feeds a zero vector
    var logits: [Tensor] = []
    var weights: [Tensor] = []
    for t in 0..<config.sequenceLength {
      // [N, K]
      var x = try Functional.linear(context, weight: contextWeight, bias: inputProjection.bias?.tensor)
      if let previous { x = try x + characterRows.indexSelect(dim: 0, previous) }
      let gates = try lstm(Tensor.cat([x, h], dim: 1)).chunks(of: u, dim: 1)  // 4 × [N, U]
      c = try (gates[2] + 1).sigmoid() * c + gates[0].sigmoid() * gates[1].tanh()
      c = try c.clamped(min: -config.cellClip, max: config.cellClip)
      h = try gates[3].sigmoid() * c.tanh()
      let query = try queryProjection(Tensor.cat([c, h], dim: 1)).unsqueezed(1)  // [N, 1, A]
      // [N, L]
      let energy = try (keys + query).tanh().matmul(attentionVector.tensor.unsqueezed(1)).squeezed(2)
      let alpha = try energy.softmax(dim: 1)
      context = try alpha.unsqueezed(1).matmul(memory).squeezed(1)  // [N, A]
      let step = try classifier(outputProjection(Tensor.cat([h, context], dim: 1)))  // [N, K]
      logits.append(step)
      weights.append(alpha)
      if let targets { previous = try targets.select(dim: 1, t) } else { previous = try step.argmax(dim: 1) }
    }
    return (try Tensor.stack(logits, dim: 1), try Tensor.stack(weights, dim: 1))
  }
}
