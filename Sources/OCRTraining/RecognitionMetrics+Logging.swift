// SPDX-License-Identifier: Apache-2.0
import OCRCore
import TFRecord

extension RecognitionMetrics {
  /// The validation line (strict and upstream accuracies) and its TensorBoard scalars under
  /// `tag` (`validation`, or `validation_raw` for a run's trained weights beside its averaged ones).
  func report(step: Int, tag: String = "validation", logs: SummaryWriter, log: (String) -> Void) throws {
    let label = tag == "validation" ? "validation" : tag.replacingOccurrences(of: "_", with: " ")
    log(
      label
        + String(
          format: " %d lines: character %.2f%% / sequence %.2f%% (strict); %.2f%% / %.2f%% (upstream)",
          total.examples, 100 * total.strictCharacterAccuracy, 100 * total.strictSequenceAccuracy,
          100 * total.upstreamCharacterAccuracy, 100 * total.upstreamSequenceAccuracy))
    try logs.scalar("\(tag)/strict_character_accuracy", total.strictCharacterAccuracy, step: step)
    try logs.scalar("\(tag)/strict_sequence_accuracy", total.strictSequenceAccuracy, step: step)
    try logs.scalar("\(tag)/upstream_character_accuracy", total.upstreamCharacterAccuracy, step: step)
    try logs.scalar("\(tag)/upstream_sequence_accuracy", total.upstreamSequenceAccuracy, step: step)
  }
}
