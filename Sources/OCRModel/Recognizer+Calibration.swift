// SPDX-License-Identifier: Apache-2.0
import OCRCore
import OCRData
import Torch

extension Recognizer {
  /// The line calibration a checkpoint's `extra` holds: both keys or neither (the identity).
  static func lineCalibration(in extra: [String: String], of folder: String) throws
    -> LineConfidenceCalibration
  {
    if extra[lineShiftKey] == nil && extra[lineScaleKey] == nil { return .identity }
    guard let shiftText = extra[lineShiftKey],
      let scale = try positiveNumber(lineScaleKey, in: extra, of: folder)
    else {
      throw RecognizerError(
        "\(folder)/checkpoint.json: extra holds one of \(lineShiftKey) and \(lineScaleKey) without the other")
    }
    guard let shift = Double(shiftText), shift.isFinite else {
      throw RecognizerError(
        "\(folder)/checkpoint.json: extra.\(lineShiftKey) is '\(shiftText)', not a number")
    }
    return LineConfidenceCalibration(shift: shift, scale: scale)
  }

  /// The positive number a checkpoint's `extra` holds under `key`, or nil where it holds none.
  static func positiveNumber(_ key: String, in extra: [String: String], of folder: String) throws -> Double? {
    guard let saved = extra[key] else { return nil }
    guard let value = Double(saved), value.isFinite, value > 0 else {
      throw RecognizerError("\(folder)/checkpoint.json: extra.\(key) is '\(saved)', not a positive number")
    }
    return value
  }

  /// Teacher-forced logits for labelled lines: for every character of every text and for each
  /// text's end token, the logits the model gives that position when fed the true text so far.
  /// Returns logits [M, K] and the true ids [M] (M = total characters + lines).
  public func characterLogits(_ images: [Image], labels: [[Int]]) throws -> (logits: Tensor, targets: Tensor)
  {
    precondition(images.count == labels.count, "one label per image")
    var logitParts: [Tensor] = []
    var targetParts: [Tensor] = []
    try withNoGrad { () throws -> Void in
      for start in stride(from: 0, to: images.count, by: batchSize) {
        let range = start..<min(start + batchSize, images.count)
        let prepared = range.map { prepare(images[$0]) }
        let lines = range.map { Array(labels[$0].prefix(config.maxLength)) }
        let (tensor, widths) = try LineTensor.make(
          prepared, trailingBlank: Self.trailingBlank, device: device)
        let targets = try model.targets(for: lines, device: device)  // [N, S], -100 after the end
        let logits = try model.logits(tensor, widths: widths, paddedTargets: targets)  // [N, S, K]
        let flatTargets = try targets.reshaped([-1]).to(.cpu)  // [N·S]
        let ids = try flatTargets.toArray(of: Int64.self)
        let kept = try Tensor(ids.indices.filter { ids[$0] >= 0 }.map(Int64.init))
        logitParts.append(
          try logits.reshaped([-1, config.classes]).indexSelect(dim: 0, kept.to(device)).to(.cpu))
        targetParts.append(try flatTargets.indexSelect(dim: 0, kept))
      }
    }
    return (try Tensor.cat(logitParts, dim: 0), try Tensor.cat(targetParts, dim: 0))
  }
}
