// SPDX-License-Identifier: Apache-2.0

/// How well confidences predict correctness: predictions are grouped by confidence into equal
/// bins, and each bin's mean confidence is set against the share of its predictions that were
/// right. A calibrated recogniser's lines read at confidence 0.9 are right nine times in ten.
public struct ReliabilityTable: Sendable, Equatable {
  public struct Bin: Sendable, Equatable {
    public var count = 0
    public var confidenceSum = 0.0
    public var correct = 0

    public var meanConfidence: Double { count == 0 ? .nan : confidenceSum / Double(count) }
    public var accuracy: Double { count == 0 ? .nan : Double(correct) / Double(count) }
  }

  public private(set) var bins: [Bin]

  public init(binCount: Int = 10) {
    precondition(binCount > 0, "a reliability table needs at least one bin")
    bins = Array(repeating: Bin(), count: binCount)
  }

  public mutating func add(confidence: Double, correct: Bool) {
    let clamped = min(max(confidence, 0), 1)
    let index = min(Int(clamped * Double(bins.count)), bins.count - 1)
    bins[index].count += 1
    bins[index].confidenceSum += clamped
    if correct { bins[index].correct += 1 }
  }

  public var count: Int { bins.reduce(0) { $0 + $1.count } }
  public var meanConfidence: Double { bins.reduce(0) { $0 + $1.confidenceSum } / Double(count) }
  public var accuracy: Double { Double(bins.reduce(0) { $0 + $1.correct }) / Double(count) }

  /// Expected calibration error: the gap between confidence and accuracy, averaged over bins
  /// weighted by how many predictions each holds (0 is perfect).
  public var expectedCalibrationError: Double {
    let total = Double(count)
    guard total > 0 else { return .nan }
    return bins.filter { $0.count > 0 }.reduce(0) {
      $0 + Double($1.count) / total * abs($1.meanConfidence - $1.accuracy)
    }
  }
}
