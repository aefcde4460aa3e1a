// SPDX-License-Identifier: Apache-2.0
import OCRCore
import Testing

@Suite struct ReliabilityTableTests {
  @Test func confidencesThatMatchAccuracyHaveNoCalibrationError() {
    var table = ReliabilityTable()
    // Bin 0.9–1.0: ten lines at 0.9, nine right. Bin 0.5–0.6: four at 0.5, two right.
    for index in 0..<10 { table.add(confidence: 0.9, correct: index < 9) }
    for index in 0..<4 { table.add(confidence: 0.5, correct: index < 2) }
    #expect(table.count == 14)
    #expect(table.bins[9].count == 10 && table.bins[5].count == 4)
    #expect(abs(table.expectedCalibrationError) < 1e-12)
    #expect(abs(table.accuracy - 11.0 / 14) < 1e-12)
  }

  @Test func overconfidenceIsTheWeightedGap() {
    var table = ReliabilityTable()
    // Three lines at 1.0 (the top bin), one right; one line at 0.05, wrong.
    for index in 0..<3 { table.add(confidence: 1, correct: index == 0) }
    table.add(confidence: 0.05, correct: false)
    #expect(table.bins[9].count == 3 && table.bins[0].count == 1)
    // 3/4 · |1 − 1/3| + 1/4 · |0.05 − 0|
    #expect(abs(table.expectedCalibrationError - (0.75 * (2.0 / 3) + 0.25 * 0.05)) < 1e-12)
  }
}
