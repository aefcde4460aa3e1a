// SPDX-License-Identifier: Apache-2.0
import OCRData

extension Recognizer {
  /// Readings less confident than this are tried again with the line turned half round.
  /// Upside-down lines read at under 0.5 nearly always (396 of 400 held-out lines), and the
  /// confidence is calibrated, so a right reading rarely falls that low. With stage 12's
  /// model, 400 held-out lines of all four levels turned half round read 93.90 % / 79.00 %
  /// (0.93 % / 0 % upright only) against 94.09 % / 80.25 % as drawn (94.19 % / 80.25 % upright
  /// only); the 2,000-line held-out set reads 93.91 % / 81.90 % against 93.99 % / 81.90 %.
  public static let upsideDownCheckBelow: Float = 0.5
  /// How many times as confident the turned reading must be to be kept. Two garbled readings
  /// of a hard upright line are often close, and the turned one wins half the time.
  public static let upsideDownMustWinBy: Float = 2

  /// `readings` of `prepared`, each doubtful one replaced by the reading of its line turned
  /// half round where that is `upsideDownMustWinBy` times as confident.
  func rereadingDoubtfulLinesTurned(_ readings: [RecognizedText], prepared: [Image]) throws
    -> [RecognizedText]
  {
    let doubtful = readings.indices.filter { readings[$0].confidence < Self.upsideDownCheckBelow }
    guard !doubtful.isEmpty else { return readings }
    let turned = try recognizeEachWay(doubtful.map { prepared[$0].oriented(.upsideDown) })
    var kept = readings
    for (index, reading) in zip(doubtful, turned)
    where reading.confidence > Self.upsideDownMustWinBy * readings[index].confidence {
      kept[index] = reading
      kept[index].turnedUpsideDown = true
    }
    return kept
  }
}
