// SPDX-License-Identifier: Apache-2.0
import NN
import Torch

/// The `compact` recogniser: conv tower → BiLSTM encoder → attention decoder. It only computes:
/// images in, logits (and loss) out; decoding to text lives in `GreedyDecoder`.
public final class CompactModel: Module {
  public let config: CompactConfig
  public let tower: CompactConvTower
  public let encoder: LSTM
  public let decoder: AttentionDecoder

  public init(config: CompactConfig) throws(TorchError) {
    self.config = config
    tower = try CompactConvTower(channels: config.channels)
    encoder = try LSTM(
      inputSize: config.channels.last!, hiddenSize: config.encoderHidden, bidirectional: true,
      batchFirst: true)
    decoder = try AttentionDecoder(config: config, memorySize: 2 * config.encoderHidden)
    super.init()
    register(tower, as: "tower")
    register(encoder, as: "encoder")
    register(decoder, as: "decoder")
  }

  /// images [N, 1, 32, W] (already normalised), content widths in pixels -> decoder memory.
  public func encode(_ images: Tensor, widths: [Int]) throws(TorchError) -> AttentionDecoder.Memory {
    let features = try tower(images).squeezed(2).transposed(1, 2)  // [N, T, C]
    let steps = features.shape[1]
    let valid = widths.map { min(steps, CompactConfig.featureLength(width: $0)) }
    guard !valid.allSatisfy({ $0 == steps }) else {
      return try decoder.prepare(encoder(features), padding: nil)  // [N, T, 2·H]
    }
    let memory =
      config.encoderStartsAtLineEnds == true
      ? try encoder.forward(features, lengths: valid) : try encoder(features)  // [N, T, 2·H]
    let padding = try Tensor.arange(0, Double(steps), device: images.device).unsqueezed(0)
      .ge(Tensor(valid.map(Int64.init)).to(images.device).unsqueezed(1))  // [N, T]
    return try decoder.prepare(memory, padding: padding)
  }

  /// Teacher-forced logits [N, S, K] for `targets` [N, S].
  public func logits(_ images: Tensor, widths: [Int], targets: Tensor) throws(TorchError) -> Tensor {
    try decoder.forward(memory: encode(images, widths: widths), targets: targets)
  }

  /// Teacher-forced logits [N, S, K] for targets as `targets(for:)` makes them, -100 after each
  /// end token.
  public func logits(_ images: Tensor, widths: [Int], paddedTargets targets: Tensor) throws(TorchError)
    -> Tensor
  {
    // Positions after the end hold -100; the decoder still needs a valid id to feed back there.
    let fed = try targets.where(targets.ge(0), else: targets.fullLike(Double(config.nullID)))
    return try logits(images, widths: widths, targets: fed)
  }

  /// Mean cross-entropy over the real characters and the one end token of each target; positions
  /// after it are ignored. targets: [N, S] with the null id ending each text and `ignoreIndex`
  /// (-100) after it.
  public func loss(
    _ images: Tensor, widths: [Int], targets: Tensor, labelSmoothing: Double = 0.1
  ) throws(TorchError) -> (loss: Tensor, logits: Tensor) {
    let logits = try self.logits(images, widths: widths, paddedTargets: targets)  // [N, S, K]
    let loss = try Functional.crossEntropy(
      logits: logits.reshaped([-1, config.classes]), targets: targets.reshaped([-1]), ignoreIndex: -100,
      labelSmoothing: labelSmoothing)
    return (loss, logits)
  }
}

extension CompactModel {
  /// Training targets [N, S] for label ids: each text, then the end token (the null id), then
  /// -100 (ignored) up to the longest. S = longest text + 1.
  public func targets(for labels: [[Int]], device: Device = .cpu) throws(TorchError) -> Tensor {
    let steps = (labels.map(\.count).max() ?? 0) + 1
    var flat: [Int64] = []
    flat.reserveCapacity(labels.count * steps)
    for label in labels {
      flat += label.map(Int64.init)
      flat.append(Int64(config.nullID))
      flat += [Int64](repeating: -100, count: steps - label.count - 1)
    }
    return try Tensor(flat, shape: [labels.count, steps]).to(device)
  }
}
