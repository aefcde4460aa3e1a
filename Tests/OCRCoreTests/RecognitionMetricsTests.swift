// SPDX-License-Identifier: Apache-2.0
import OCRCore
import Testing

@Suite struct RecognitionMetricsTests {
  /// Upstream's metrics_test: one wrong character in 4 sequences of 5 characters.
  @Test func upstreamCaseOneWrongCharacter() {
    var metrics = RecognitionMetrics()
    let truths = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [1, 3, 5, 7, 9], [2, 4, 6, 8, 10]]
    for (index, truth) in truths.enumerated() {
      var predicted = truth
      if index == 2 { predicted[1] = 42 }
      metrics.update(predicted: predicted, truth: truth)
    }
    #expect(metrics.total.upstreamSequenceAccuracy == 0.75)
    #expect(abs(metrics.total.upstreamCharacterAccuracy - (1 - 1.0 / 20)) < 1e-12)
    #expect(metrics.total.strictSequenceAccuracy == 0.75)
    #expect(abs(metrics.total.strictCharacterAccuracy - (1 - 1.0 / 20)) < 1e-12)
  }

  @Test func upstreamIgnoresExtraCharactersStrictDoesNot() {
    var metrics = RecognitionMetrics()
    metrics.update(predicted: [1, 2, 3, 9, 9], truth: [1, 2, 3])
    #expect(metrics.total.upstreamSequenceAccuracy == 1)
    #expect(metrics.total.upstreamCharacterAccuracy == 1)
    #expect(metrics.total.strictSequenceAccuracy == 0)
    #expect(abs(metrics.total.strictCharacterAccuracy - (1 - 2.0 / 3)) < 1e-12)
  }

  @Test func aDroppedCharacterShiftsUpstreamButCostsOneEdit() {
    var metrics = RecognitionMetrics()
    metrics.update(predicted: [2, 3, 4], truth: [1, 2, 3, 4])
    #expect(metrics.total.upstreamCharacterAccuracy == 0)  // every position is off by one
    #expect(metrics.total.strictCharacterAccuracy == 0.75)  // one deletion in four
  }

  @Test func editDistanceCases() {
    #expect(RecognitionMetrics.editDistance(Array("kitten"), Array("sitting")) == 3)
    #expect(RecognitionMetrics.editDistance([Int](), [1, 2]) == 2)
    #expect(RecognitionMetrics.editDistance([1, 2], [1, 2]) == 0)
  }

  @Test func perLengthBreakdown() {
    var metrics = RecognitionMetrics()
    metrics.update(predicted: [1], truth: [1])
    metrics.update(predicted: [1, 2], truth: [1, 3])
    metrics.update(predicted: [], truth: [])
    #expect(metrics.total.examples == 2)
    #expect(metrics.byLength[1]?.strictSequenceAccuracy == 1)
    #expect(metrics.byLength[2]?.strictSequenceAccuracy == 0)
  }
}
