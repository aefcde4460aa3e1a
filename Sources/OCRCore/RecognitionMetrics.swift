// SPDX-License-Identifier: Apache-2.0

/// Character and sequence accuracy of predicted texts against the truth, in two forms reported
/// side by side:
///
/// - **upstream** (attention_ocr's `metrics.py`): characters compared position by position
///   within the true length, averaged per example; a sequence counts as correct when its first
///   `len(truth)` characters are right (extra trailing characters cost nothing).
/// - **strict**: 1 − (total edit distance ÷ total reference length) over the whole set, and
///   exact matches for sequences.
///
/// Inputs are label ids without padding (everything from the first null on is ignored).
public struct RecognitionMetrics: Sendable, Equatable {
  public struct Counts: Sendable, Equatable {
    public var examples = 0
    public var upstreamCharacterSum = 0.0
    public var upstreamSequenceCorrect = 0
    public var editDistance = 0
    public var referenceCharacters = 0
    public var exactMatches = 0

    public var upstreamCharacterAccuracy: Double {
      examples == 0 ? .nan : upstreamCharacterSum / Double(examples)
    }
    public var upstreamSequenceAccuracy: Double {
      examples == 0 ? .nan : Double(upstreamSequenceCorrect) / Double(examples)
    }
    public var strictCharacterAccuracy: Double {
      referenceCharacters == 0 ? .nan : 1 - Double(editDistance) / Double(referenceCharacters)
    }
    public var strictSequenceAccuracy: Double {
      examples == 0 ? .nan : Double(exactMatches) / Double(examples)
    }
  }

  public private(set) var total = Counts()
  /// Counts per true text length.
  public private(set) var byLength: [Int: Counts] = [:]

  public init() {}

  /// Adds one example. Empty truths are skipped (upstream's 0/0).
  public mutating func update(predicted: [Int], truth: [Int]) {
    guard !truth.isEmpty else { return }
    var counts = Counts()
    counts.examples = 1
    let matching = zip(predicted, truth).filter { $0 == $1 }.count
    counts.upstreamCharacterSum = Double(matching) / Double(truth.count)
    counts.upstreamSequenceCorrect =
      predicted.count >= truth.count && Array(predicted.prefix(truth.count)) == truth ? 1 : 0
    counts.editDistance = Self.editDistance(predicted, truth)
    counts.referenceCharacters = truth.count
    counts.exactMatches = predicted == truth ? 1 : 0
    total.add(counts)
    byLength[truth.count, default: Counts()].add(counts)
  }

  /// Levenshtein distance (insertions, deletions and substitutions cost 1).
  public static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

extension RecognitionMetrics.Counts {
  mutating func add(_ other: RecognitionMetrics.Counts) {
    examples += other.examples
    upstreamCharacterSum += other.upstreamCharacterSum
    upstreamSequenceCorrect += other.upstreamSequenceCorrect
    editDistance += other.editDistance
    referenceCharacters += other.referenceCharacters
    exactMatches += other.exactMatches
  }
}
