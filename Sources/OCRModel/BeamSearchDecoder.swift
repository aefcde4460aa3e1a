// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import Torch

/// Keeps the `width` most probable partial texts at each step instead of only the best
/// character, and returns the most probable complete text (ended by the null class) per line.
/// With width 1 it is greedy decoding.
public struct BeamSearchDecoder {
  public let model: CompactModel
  public let width: Int
  /// Divides the logits before the softmax (see `TemperatureScaling`); 1 leaves them as they are.
  public let temperature: Double

  public init(model: CompactModel, width: Int, temperature: Double = 1) {
    precondition(width >= 1, "beam width must be at least 1")
    self.model = model
    self.width = width
    self.temperature = temperature
  }

  struct Hypothesis {
    var ids: [Int]
    var logProbabilities: [Float]
    var attention: [[Float]]
    var score: Float { logProbabilities.reduce(0, +) }
  }

  public func decode(_ images: Tensor, widths: [Int]) throws(TorchError) -> [Recognition] {
    try withNoGrad { () throws(TorchError) -> [Recognition] in
      try (0..<images.shape[0]).map { (row: Int) throws(TorchError) -> Recognition in
        try decodeOne(images.slice(dim: 0, row, row + 1), width: widths[row])
      }
    }
  }

  func decodeOne(_ image: Tensor, width imageWidth: Int) throws(TorchError) -> Recognition {
    let config = model.config
    let single = try model.encode(image, widths: [imageWidth])
    let columns = single.values.shape[1]
    var beams = [Hypothesis(ids: [], logProbabilities: [], attention: [])]
    var finished: [(hypothesis: Hypothesis, endLogProbability: Float)] = []
    var state: AttentionDecoder.State?
    var previous = try Tensor.full([1], value: Double(config.startToken), dtype: .int64, device: image.device)
    for step in 0...config.maxLength {
      // The image's memory repeated once per live hypothesis.
      let count = beams.count
      let memory = AttentionDecoder.Memory(
        values: try single.values.expanded([count, -1, -1]), keys: try single.keys.expanded([count, -1, -1]),
        padding: try single.padding?.expanded([count, -1]))
      let current: AttentionDecoder.State
      if let state { current = state } else { current = try model.decoder.initialState(for: memory) }
      let result = try model.decoder.step(previous, state: current, memory: memory)
      let logits = temperature == 1 ? result.logits : try result.logits / temperature
      let logProbabilities = try logits.logSoftmax(dim: 1)  // [beams, K]
      let table = try logProbabilities.to(.cpu).toArray(of: Float.self)
      let weights = try result.attention.to(.cpu).toArray(of: Float.self)
      // Candidates: every live hypothesis extended by each of its `width` best characters.
      var candidates: [(beam: Int, id: Int, logProbability: Float, total: Float)] = []
      let (_, best) = try logProbabilities.topk(min(width + 1, config.classes), dim: 1)
      let bestIDs = try best.to(.cpu).toArray(of: Int64.self)
      let perBeam = bestIDs.count / count
      for beam in 0..<count {
        for k in 0..<perBeam {
          let id = Int(bestIDs[beam * perBeam + k])
          let value = table[beam * config.classes + id]
          candidates.append((beam, id, value, beams[beam].score + value))
        }
      }
      candidates.sort { $0.total > $1.total }
      var next: [Hypothesis] = []
      var parents: [Int64] = []
      var nextIDs: [Int64] = []
      // An ending takes one of the step's `width` places like any other candidate, so with
      // width 1 a text ends only where the end token is the best next class (greedy).
      var ended = 0
      for candidate in candidates where next.count + ended < width {
        if candidate.id == config.nullID || step == config.maxLength {
          finished.append(
            (beams[candidate.beam], candidate.id == config.nullID ? candidate.logProbability : 0))
          ended += 1
        } else {
          var extended = beams[candidate.beam]
          extended.ids.append(candidate.id)
          extended.logProbabilities.append(candidate.logProbability)
          extended.attention.append(
            Array(weights[(candidate.beam * columns)..<((candidate.beam + 1) * columns)]))
          next.append(extended)
          parents.append(Int64(candidate.beam))
          nextIDs.append(Int64(candidate.id))
        }
      }
      // Stop once no live hypothesis can beat the best finished one (log-probabilities only fall).
      let bestFinished = finished.map { $0.hypothesis.score + $0.endLogProbability }.max() ?? -.infinity
      if next.isEmpty || next.allSatisfy({ $0.score <= bestFinished }) { break }
      let index = try Tensor(parents).to(image.device)
      state = AttentionDecoder.State(
        h: try result.state.h.indexSelect(dim: 0, index), c: try result.state.c.indexSelect(dim: 0, index),
        context: try result.state.context.indexSelect(dim: 0, index))
      previous = try Tensor(nextIDs).to(image.device)
      beams = next
    }
    let (hypothesis, end) =
      finished.max { $0.hypothesis.score + $0.endLogProbability < $1.hypothesis.score + $1.endLogProbability }
      ?? (beams[0], 0)
    let probabilities = hypothesis.logProbabilities.map { Float(exp(Double($0))) }
    return Recognition(
      ids: hypothesis.ids, probabilities: probabilities, attention: hypothesis.attention,
      confidence: Float(exp(Double(hypothesis.score + end))))
  }
}
