// SPDX-License-Identifier: Apache-2.0
import NN
import Torch

/// One recognised line: class ids (end token excluded), the probability of each, and where the
/// decoder looked for each character.
public struct Recognition: Sendable {
  public let ids: [Int]
  public let probabilities: [Float]
  /// Attention weights per emitted character over the feature columns.
  public let attention: [[Float]]

  /// The product of the character probabilities (the end token's included), as a confidence.
  public let confidence: Float
}

/// Decodes by taking the most likely character at each step until every line has emitted the
/// end token or `maxLength` characters.
public struct GreedyDecoder {
  public let model: CompactModel
  /// Divides the logits before the softmax (see `TemperatureScaling`); 1 leaves them as they are.
  public let temperature: Double

  public init(model: CompactModel, temperature: Double = 1) {
    self.model = model
    self.temperature = temperature
  }

  public func decode(_ images: Tensor, widths: [Int]) throws(TorchError) -> [Recognition] {
    try withNoGrad { () throws(TorchError) -> [Recognition] in
      let config = model.config
      let memory = try model.encode(images, widths: widths)
      let n = images.shape[0]
      var state = try model.decoder.initialState(for: memory)
      var previous = try Tensor.full(
        [n], value: Double(config.startToken), dtype: .int64, device: images.device)
      var ids = [[Int]](repeating: [], count: n)
      var probabilities = [[Float]](repeating: [], count: n)
      var attention = [[[Float]]](repeating: [], count: n)
      var endProbability = [Float](repeating: 1, count: n)
      var finished = [Bool](repeating: false, count: n)
      let steps = memory.values.shape[1]
      for _ in 0...config.maxLength {
        let result = try model.decoder.step(previous, state: state, memory: memory)
        state = result.state
        let logits = temperature == 1 ? result.logits : try result.logits / temperature
        let (best, index) = try logits.softmax(dim: 1).topk(1, dim: 1)
        let bestIDs = try index.squeezed(1).to(.cpu).toArray(of: Int64.self)
        let bestProbabilities = try best.squeezed(1).to(.cpu).toArray(of: Float.self)
        let weights = try result.attention.to(.cpu).toArray(of: Float.self)
        for row in 0..<n where !finished[row] {
          let id = Int(bestIDs[row])
          if id == config.nullID || ids[row].count == config.maxLength {
            finished[row] = true
            endProbability[row] = id == config.nullID ? bestProbabilities[row] : 1
            continue
          }
          ids[row].append(id)
          probabilities[row].append(bestProbabilities[row])
          attention[row].append(Array(weights[(row * steps)..<((row + 1) * steps)]))
        }
        if finished.allSatisfy({ $0 }) { break }
        previous = try index.squeezed(1)
      }
      return (0..<n).map { row in
        Recognition(
          ids: ids[row], probabilities: probabilities[row], attention: attention[row],
          confidence: probabilities[row].reduce(endProbability[row], *))
      }
    }
  }
}
