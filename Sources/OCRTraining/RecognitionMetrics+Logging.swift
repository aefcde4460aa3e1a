// SPDX-License-Identifier: Apache-2.0
import OCRCore
import TFRecord

extension RecognitionMetrics {
  /// The validation line (strict and upstream accuracies) and its TensorBoard scalars.
  func report(step: Int, logs: SummaryWriter, log: (String) -> Void) throws {
    log(
      String(
        format:
          "validation %d lines: character %.2f%% / sequence %.2f%% (strict); %.2f%% / %.2f%% (upstream)",
        total.examples, 100 * total.strictCharacterAccuracy, 100 * total.strictSequenceAccuracy,
        100 * total.upstreamCharacterAccuracy, 100 * total.upstreamSequenceAccuracy))
    try logs.scalar("validation/strict_character_accuracy", total.strictCharacterAccuracy, step: step)
    try logs.scalar("validation/strict_sequence_accuracy", total.strictSequenceAccuracy, step: step)
    try logs.scalar("validation/upstream_character_accuracy", total.upstreamCharacterAccuracy, step: step)
    try logs.scalar("validation/upstream_sequence_accuracy", total.upstreamSequenceAccuracy, step: step)
  }
}
