// SPDX-License-Identifier: Apache-2.0
import NN
import Torch

/// An LSTM decoder that attends over the encoder's columns, one character per step.
///
/// Follows attention_ocr's step order (Wojna et al. 2017, "Attention-based Extraction of
/// Structured Information from Street View Imagery", arXiv:1704.03549): the LSTM reads the
/// previous character and the previous context, attention is computed from its new state, and
/// the output projection sees both. Differs from it: the previous character is an embedding
/// (not a K-wide one-hot through a K×K layer), attention is additive (Bahdanau et al. 2015) with
/// padded columns masked out, and the text ends at the first null class instead of always
/// running 37 steps.
public final class AttentionDecoder: Module {
  public let config: CompactConfig
  public let embedding: Embedding
  public let cell: LSTMCell
  public let keyProjection: Linear
  public let queryProjection: Linear
  public let score: Linear
  public let output: Linear
  public let classifier: Linear

  public init(config: CompactConfig, memorySize: Int) throws(TorchError) {
    self.config = config
    embedding = try Embedding(count: config.classes + 1, dimension: config.embedding)
    cell = try LSTMCell(inputSize: config.embedding + memorySize, hiddenSize: config.decoderHidden)
    keyProjection = try Linear(inputSize: memorySize, outputSize: config.attention, bias: false)
    queryProjection = try Linear(inputSize: config.decoderHidden, outputSize: config.attention)
    score = try Linear(inputSize: config.attention, outputSize: 1, bias: false)
    output = try Linear(inputSize: config.decoderHidden + memorySize, outputSize: config.decoderHidden)
    classifier = try Linear(inputSize: config.decoderHidden, outputSize: config.classes)
    super.init()
    register(embedding, as: "embedding")
    register(cell, as: "cell")
    register(keyProjection, as: "key")
    register(queryProjection, as: "query")
    register(score, as: "score")
    register(output, as: "output")
    register(classifier, as: "classifier")
  }

  /// What the decoder carries from one step to the next.
  public struct State {
    public var h: Tensor
    public var c: Tensor
    /// The previous step's context [N, M].
    public var context: Tensor
  }

  /// The encoder's output prepared once per image batch.
  public struct Memory {
    /// [N, T, M]
    public let values: Tensor
    /// Projected keys [N, T, A].
    public let keys: Tensor
    /// True at padded columns [N, T].
    public let padding: Tensor?
  }

  public func prepare(_ memory: Tensor, padding: Tensor?) throws(TorchError) -> Memory {
    Memory(values: memory, keys: try keyProjection(memory), padding: padding)
  }

  public func initialState(for memory: Memory) throws(TorchError) -> State {
    let n = memory.values.shape[0]
    let (h, c) = try cell.zeroState(batch: n, like: memory.values)
    let context = try Tensor.zeros(
      [n, memory.values.shape[2]], dtype: memory.values.dtype, device: memory.values.device)
    return State(h: h, c: c, context: context)
  }

  /// One step: previous characters [N] (int64) -> logits [N, K], attention weights [N, T], the
  /// next state.
  public func step(
    _ previous: Tensor, state: State, memory: Memory
  ) throws(TorchError) -> (logits: Tensor, attention: Tensor, state: State) {
    let (features, weights, next) = try features(previous, state: state, memory: memory)
    return (try classify(features), weights, next)
  }

  /// A step up to the classifier: features [N, H], attention weights [N, T], the next state.
  func features(
    _ previous: Tensor, state: State, memory: Memory
  ) throws(TorchError) -> (features: Tensor, attention: Tensor, state: State) {
    let input = try Tensor.cat([embedding(previous), state.context], dim: 1)  // [N, E + M]
    let (h, c) = try cell.step(input.dropout(config.dropout, training: isTraining), state: (state.h, state.c))
    let query = try queryProjection(h).unsqueezed(1)  // [N, 1, A]
    var energy = try score((memory.keys + query).tanh()).squeezed(2)  // [N, T]
    if let padding = memory.padding { energy = try energy.maskedFill(padding, with: -1e9) }
    let weights = try energy.softmax(dim: 1)  // [N, T]
    let context = try weights.unsqueezed(1).matmul(memory.values).squeezed(1)  // [N, M]
    let features = try output(Tensor.cat([h, context], dim: 1)).tanh()  // [N, H]
    return (features, weights, State(h: h, c: c, context: context))
  }

  /// Features [..., H] -> logits [..., K].
  func classify(_ features: Tensor) throws(TorchError) -> Tensor {
    try classifier(features.dropout(config.dropout, training: isTraining))
  }

  /// Teacher-forced logits for `targets` [N, S] (ids, the end token included): [N, S, K].
  /// The classifier runs once over all steps: one matrix product reads its 5,463 rows once
  /// instead of once per step.
  public func forward(memory: Memory, targets: Tensor) throws(TorchError) -> Tensor {
    let (n, steps) = (targets.shape[0], targets.shape[1])
    var previous = try Tensor.full(
      [n], value: Double(config.startToken), dtype: .int64, device: targets.device)
    var state = try initialState(for: memory)
    var features: [Tensor] = []
    for t in 0..<steps {
      let result = try self.features(previous, state: state, memory: memory)
      features.append(result.features)
      state = result.state
      previous = try targets.select(dim: 1, t)
    }
    return try classify(Tensor.stack(features, dim: 1))  // [N, S, K]
  }
}
