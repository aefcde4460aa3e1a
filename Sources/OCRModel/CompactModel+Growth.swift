// SPDX-License-Identifier: Apache-2.0
import NN
import Torch

extension CompactConfig {
  /// Whether a model of this configuration can start from the weights of one of `smaller`'s
  /// (`CompactModel.loadWeights(_:grownFrom:)`): the same sizes but for conv layers at least
  /// as wide, one wider.
  public func canGrow(from smaller: CompactConfig) -> Bool {
    var same = smaller
    same.channels = channels
    return hasSameWeights(as: same) && channels.count == smaller.channels.count
      && zip(channels, smaller.channels).allSatisfy(>=) && channels != smaller.channels
  }
}

extension CompactModel {
  /// Loads weights trained in a model with narrower conv layers, so that this wider model reads
  /// exactly as that one did and training can go on from there with more room.
  ///
  /// Each tensor's trained block fills its leading corner. A new conv channel starts from this
  /// model's initial weights (and a fresh batch norm), and every weight that reads a new
  /// channel (the next conv, or the encoder's input) starts at zero, so the new channels change
  /// nothing until training gives them a use. The zero weights still get gradients, as the new
  /// channels' activations are not zero.
  public func loadWeights(_ tensors: [String: Tensor], grownFrom smaller: CompactConfig) throws {
    guard config.canGrow(from: smaller) else {
      throw StateDictError(
        "conv channels \(smaller.channels) cannot grow to \(config.channels): every other size must match and no layer may shrink"
      )
    }
    var grown: [String: Tensor] = [:]
    for (name, fresh) in stateDict() {
      guard let trained = tensors[name] else { throw StateDictError("missing tensor '\(name)'") }
      guard trained.shape != fresh.shape else {
        grown[name] = trained
        continue
      }
      guard trained.rank == fresh.rank, zip(trained.shape, fresh.shape).allSatisfy(<=),
        trained.shape.dropFirst(2) == fresh.shape.dropFirst(2)
      else {
        throw StateDictError(
          "tensor '\(name)' has shape \(trained.shape), which cannot grow to \(fresh.shape)")
      }
      grown[name] = try Self.corner(trained, of: fresh)
    }
    try loadStateDict(grown)
  }

  /// `fresh` with `trained` in its leading corner. Along the second dimension (a layer's
  /// inputs), the trained rows read new inputs with zero weights; new rows stay fresh. Only the
  /// first two dimensions may differ (a conv's kernel keeps its size).
  static func corner(_ trained: Tensor, of fresh: Tensor) throws(TorchError) -> Tensor {
    let old = trained.shape, new = fresh.shape
    let oldValues = try trained.to(.float32, on: .cpu).contiguous().toArray(of: Float.self)
    var values = try fresh.to(.float32, on: .cpu).contiguous().toArray(of: Float.self)
    guard new.count > 1 else {  // a batch norm's per-channel values
      values.replaceSubrange(0..<old[0], with: oldValues)
      return try Tensor(values, shape: new)
    }
    // Elements per index of the first dimension, and per index of the second, in each tensor.
    let oldRow = old.dropFirst().reduce(1, *), newRow = new.dropFirst().reduce(1, *)
    let oldInner = old.dropFirst(2).reduce(1, *), newInner = new.dropFirst(2).reduce(1, *)
    for row in 0..<old[0] {
      for input in 0..<new[1] {
        let start = row * newRow + input * newInner
        guard input < old[1] else {
          values.replaceSubrange(start..<(start + newInner), with: repeatElement(0, count: newInner))
          continue
        }
        let source = row * oldRow + input * oldInner
        values.replaceSubrange(start..<(start + newInner), with: oldValues[source..<(source + oldInner)])
      }
    }
    return try Tensor(values, shape: new)
  }
}
