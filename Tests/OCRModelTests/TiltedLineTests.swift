// SPDX-License-Identifier: Apache-2.0
import OCRData
import OCRModel
import Testing

/// A line turned level from a tilt that training draws is read as it came as well, and the more
/// confident reading kept; a steeper one is only read levelled.
@Suite(.serialized) struct TiltedLineTests {
  static let sample = "\(CompactModelTests.root)/samples/000002.png"

  /// The sample (16 characters) tilted `degrees` counter-clockwise on its own background.
  func tilted(_ degrees: Double) throws -> Image {
    try Image(contentsOf: Self.sample, channels: 1).rotated(counterClockwise: degrees, fill: 255)
  }

  /// Reads `image` levelled only, as it came only, and both ways (the default).
  func readings(_ image: Image) throws -> (
    levelled: RecognizedText, asItCame: RecognizedText, both: RecognizedText
  ) {
    let recognizer = try Recognizer(shipped: .compact)
    recognizer.rereadsSlightTiltsAsTheyCame = false
    let levelled = try recognizer.recognize([image])[0]
    recognizer.levelsTiltedLines = false
    let asItCame = try recognizer.recognize([image])[0]
    recognizer.levelsTiltedLines = true
    recognizer.rereadsSlightTiltsAsTheyCame = true
    return (levelled, asItCame, try recognizer.recognize([image])[0])
  }

  @Test func aSlightTiltKeepsTheMoreConfidentWay() throws {
    let image = try tilted(3)
    let found = try #require(image.textTilt())
    try #require(abs(found - 3) < 1 && abs(found) <= Recognizer.trainedTilt)
    let (levelled, asItCame, both) = try readings(image)
    #expect(levelled.input != asItCame.input)
    let winner = asItCame.confidence > levelled.confidence ? asItCame : levelled
    #expect(both.text == winner.text && both.confidence == winner.confidence && both.input == winner.input)
  }

  @Test func aSteepTiltIsOnlyReadLevelled() throws {
    let image = try tilted(8)
    try #require(abs(try #require(image.textTilt())) > Recognizer.trainedTilt)
    let (levelled, _, both) = try readings(image)
    #expect(both.text == levelled.text && both.input == levelled.input)
  }
}
