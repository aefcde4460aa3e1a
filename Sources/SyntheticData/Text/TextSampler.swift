// SPDX-License-Identifier: Apache-2.0
import OCRCore

/// Where a line's text came from.
public enum TextSource: String, Sendable, CaseIterable, Codable {
  /// Real words and idioms from the phrase list, joined.
  case phrases
  /// Characters drawn by how often they occur in the phrase list (smoothed).
  case frequent
  /// Characters drawn uniformly from the dictionary, so rare ones are learned too.
  case uniform
  /// Numbers and Latin patterns: IDs, dates, money, phone numbers, codes, plates.
  case patterns
  /// The fields of ID cards, whole or cut by the crop (`IDCardFields`); in no default mix.
  case idCardFields
}

/// Draws line texts as charset ids, mixing the sources by weight.
///
/// Lengths are drawn from 1 to `maximumLength`, weighted towards the short lines real crops
/// have; every dictionary character has a non-zero chance through the uniform source.
public struct TextSampler: Sendable {
  public let charset: Charset
  public let phrases: PhraseList
  public let maximumLength: Int
  public let weights: [TextSource: Double]
  private let characterIDs: [Int]
  /// Cumulative phrase-list frequencies of `characterIDs` (+1 smoothing), for inverse-CDF draws.
  private let frequencyCDF: [Double]
  private let patterns: TextPatterns
  private let punctuation: TextPunctuation
  private let idCards: IDCardFields

  public static let defaultWeights: [TextSource: Double] = [
    .phrases: 0.35, .frequent: 0.2, .uniform: 0.25, .patterns: 0.2,
  ]

  public init(
    charset: Charset, phrases: PhraseList, maximumLength: Int = 25,
    weights: [TextSource: Double] = TextSampler.defaultWeights
  ) {
    precondition(maximumLength >= 1)
    self.charset = charset
    self.phrases = phrases
    self.maximumLength = maximumLength
    self.weights = weights
    characterIDs = (0..<charset.count).filter { $0 != charset.nullID }
    var counts = [Double](repeating: 1, count: charset.count)
    for phrase in phrases.phrases { for id in phrase { counts[id] += 1 } }
    var total = 0.0
    frequencyCDF = characterIDs.map { id in
      total += counts[id]
      return total
    }
    punctuation = TextPunctuation(charset: charset)
    patterns = TextPatterns(charset: charset, punctuated: punctuation.hasAllMarks)
    idCards = IDCardFields(charset: charset)
  }

  /// The fewest occurrences every character should reach over `samples` texts: 100 per
  /// million. A character rarer than that gets a few hundred updates in a multi-million-line
  /// run, too few to be told apart from its look-alikes; the uniform source alone gives each
  /// character about 440 per million (25 % of ~10 M characters over 5,462 classes).
  public static func coverageFloor(samples: Int) -> Int { 100 * samples / 1_000_000 }

  /// One line of text and the source it came from.
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> (ids: [Int], source: TextSource) {
    sample(from: pickSource(using: &generator), using: &generator)
  }

  /// One line of text from `source`, whatever its weight.
  public func sample<G: RandomNumberGenerator>(
    from source: TextSource, using generator: inout G
  ) -> (ids: [Int], source: TextSource) {
    let length = sampleLength(using: &generator)
    var ids: [Int]
    switch source {
    case .phrases where !phrases.phrases.isEmpty:
      var drawn: [[Int]] = []
      var drawnLength = 0
      while drawnLength < length {
        drawn.append(phrases.phrases[Int.random(in: 0..<phrases.phrases.count, using: &generator)])
        drawnLength += drawn.last!.count
      }
      ids = punctuation.joined(drawn, using: &generator)
    case .patterns:
      ids = patterns.sample(using: &generator)
    case .idCardFields:
      ids = idCards.sample(using: &generator)
    case .frequent:
      ids = (0..<length).map { _ in
        let draw = Double.random(in: 0..<frequencyCDF.last!, using: &generator)
        return characterIDs[lowerBound(frequencyCDF, draw)]
      }
      ids = punctuation.sprinkled(ids, using: &generator)
    case .uniform, .phrases:
      ids = (0..<length).map { _ in characterIDs[Int.random(in: 0..<characterIDs.count, using: &generator)] }
      ids = punctuation.sprinkled(ids, using: &generator)
    }
    return (Array(ids.prefix(maximumLength)), source)
  }

  func sampleLength<G: RandomNumberGenerator>(using generator: inout G) -> Int {
    // Half the lines 1–10 characters, the rest up to the maximum.
    Bool.random(using: &generator)
      ? Int.random(in: 1...min(10, maximumLength), using: &generator)
      : Int.random(in: 1...maximumLength, using: &generator)
  }

  func pickSource<G: RandomNumberGenerator>(using generator: inout G) -> TextSource {
    let total = TextSource.allCases.reduce(0) { $0 + (weights[$1] ?? 0) }
    var draw = Double.random(in: 0..<total, using: &generator)
    for source in TextSource.allCases {
      draw -= weights[source] ?? 0
      if draw < 0 { return source }
    }
    return .uniform
  }

  private func lowerBound(_ values: [Double], _ target: Double) -> Int {
    var low = 0, high = values.count - 1
    while low < high {
      let middle = (low + high) / 2
      if values[middle] > target { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
