// SPDX-License-Identifier: Apache-2.0
import NN
import OCRCore
import Torch

extension CompactModel {
  /// The tensors with one row per class: the classifier's, and the embedding's (the classes,
  /// then the start token).
  static let classRowTensors = [
    "decoder.classifier.weight", "decoder.classifier.bias", "decoder.embedding.weight",
  ]

  /// Loads weights trained with dictionary `old` into this model, whose dictionary `new` holds
  /// every character of `old` and more (upstream's 5,463 classes plus punctuation, say).
  ///
  /// Each class's rows move to its character's id in `new`. A class `old` lacks keeps this
  /// model's initial rows, and its classifier bias starts at `old`'s lowest, so that the
  /// model does not predict the new classes before it has learned them.
  public func loadWeights(_ tensors: [String: Tensor], trainedWith old: Charset, into new: Charset) throws {
    guard new.count == config.classes else {
      throw StateDictError("the new dictionary has \(new.count) classes, this model \(config.classes)")
    }
    let missing = old.characters.indices.filter { $0 != old.nullID && new.ids[old.characters[$0]] == nil }
    guard missing.isEmpty else {
      let examples = missing.prefix(5).map { old.characters[$0] }.joined(separator: " ")
      throw StateDictError(
        "the new dictionary lacks \(missing.count) of the model's characters (\(examples)); it must extend the old one"
      )
    }
    // sourceRow[newRow] = the old row it copies, or nil for a new class.
    var sourceRow: [Int?] = new.characters.indices.map { id in
      id == new.nullID ? old.nullID : old.ids[new.characters[id]]
    }
    sourceRow.append(old.count)  // the embedding's start token
    var moved = tensors
    let initial = stateDict()
    for name in Self.classRowTensors {
      guard let trained = tensors[name], let fresh = initial[name] else {
        throw StateDictError("missing tensor '\(name)'")
      }
      guard trained.shape.first == old.count + (name.hasSuffix("embedding.weight") ? 1 : 0) else {
        throw StateDictError(
          "tensor '\(name)' has shape \(trained.shape), not one row per class of the old dictionary")
      }
      let width = trained.shape.dropFirst().reduce(1, *)
      let trainedRows = try trained.to(.float32).contiguous().toArray(of: Float.self)
      var rows = try fresh.to(.float32, on: .cpu).contiguous().toArray(of: Float.self)
      let lowest = name.hasSuffix("bias") ? trainedRows.min() ?? 0 : 0
      for (row, source) in sourceRow.prefix(fresh.shape[0]).enumerated() {
        if let source {
          rows.replaceSubrange(
            row * width..<(row + 1) * width, with: trainedRows[source * width..<(source + 1) * width])
        } else if name.hasSuffix("bias") {
          rows[row] = lowest
        }
      }
      moved[name] = try Tensor(rows, shape: fresh.shape)
    }
    try loadStateDict(moved)
  }
}
