// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import Testing

@Suite struct LineConfidenceCalibrationTests {
  /// Raw confidences spread over 0…1 and outcomes drawn as often right as `truth` says.
  static func lines(_ count: Int, truth: LineConfidenceCalibration, seed: UInt64) -> ([Double], [Bool]) {
    var generator = SeededGenerator(state: seed)
    let confidences = (0..<count).map { _ in Double.random(in: 0.01...0.999, using: &generator) }
    let exact = confidences.map {
      Double.random(in: 0..<1, using: &generator) < Double(truth(Float($0)))
    }
    return (confidences, exact)
  }

  @Test func theIdentityKeepsConfidencesAsTheyAre() {
    for confidence: Float in [0, 1e-9, 0.3, 0.97, 1] {
      #expect(LineConfidenceCalibration.identity(confidence) == confidence)
    }
  }

  @Test func theFitRecoversTheMapTheOutcomesWereDrawnWith() {
    let truth = LineConfidenceCalibration(shift: 0.75, scale: 1.35)
    let (confidences, exact) = Self.lines(20_000, truth: truth, seed: 7)
    let fitted = LineConfidenceCalibration.fit(confidences: confidences, exact: exact)
    #expect(abs(fitted.shift - truth.shift) < 0.1, "\(fitted)")
    #expect(abs(fitted.scale - truth.scale) < 0.1, "\(fitted)")
  }

  /// Under-confident raw products (lines right more often than they say) come out calibrated on
  /// other lines drawn alike, and in the same order.
  @Test func aFittedMapLowersTheCalibrationErrorOnOtherLines() {
    let truth = LineConfidenceCalibration(shift: 0.75, scale: 1.35)
    let (fitting, fittingExact) = Self.lines(3_000, truth: truth, seed: 1)
    let (checking, checkingExact) = Self.lines(3_000, truth: truth, seed: 2)
    let map = LineConfidenceCalibration.fit(confidences: fitting, exact: fittingExact)
    var before = ReliabilityTable(), after = ReliabilityTable()
    for (confidence, exact) in zip(checking, checkingExact) {
      before.add(confidence: confidence, correct: exact)
      after.add(confidence: Double(map(Float(confidence))), correct: exact)
    }
    #expect(before.expectedCalibrationError > 0.08)
    #expect(after.expectedCalibrationError < 0.03)
    let raised = [0.1, 0.5, 0.7, 0.9, 0.99].map { map(Float($0)) }
    #expect(raised == raised.sorted() && Set(raised).count == raised.count)
  }

  /// Lines all read right (or all wrong) have no best map; the fit stays finite and keeps
  /// the order of confidences.
  @Test func oneSidedOutcomesGiveAFiniteOrderKeepingMap() {
    let confidences = stride(from: 0.05, to: 1, by: 0.05).map { $0 }
    for outcome in [true, false] {
      let map = LineConfidenceCalibration.fit(
        confidences: confidences, exact: confidences.map { _ in outcome })
      #expect(map.shift.isFinite && map.scale.isFinite && map.scale > 0, "\(map)")
      #expect(map(0.3) < map(0.6))
    }
  }
}

/// A seeded linear congruential generator with its output mixed, so that the drawn lines are
/// the same on every run.
private struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    var x = state
    x ^= x >> 33
    x = x &* 0xff51_afd7_ed55_8ccd
    return x ^ (x >> 33)
  }
}
