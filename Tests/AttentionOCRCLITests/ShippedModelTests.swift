// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// The model in models/compact, as a user meets it: `recognize` with no --model reads samples/.
@Suite(.serialized) struct ShippedModelTests {
  static let samples = "\(RecognizeCommandTests.root)/samples"

  @Test func theShippedModelReadsEverySample() throws {
    let images = try FileManager.default.contentsOfDirectory(atPath: Self.samples).filter {
      $0.hasSuffix(".png")
    }
    .sorted().map { "\(Self.samples)/\($0)" }
    try #require(images.count >= 8)
    let run = try RecognizeCommandTests().attentionOCR(["recognize"] + images)
    #expect(run.status == 0, "\(run.errors)")
    let lines = run.output.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    try #require(lines.count == images.count)
    for (image, fields) in zip(images, lines) {
      let truth = try String(
        contentsOfFile: image.replacingOccurrences(of: ".png", with: ".txt"), encoding: .utf8)
      #expect(String(fields[0]) == image)
      #expect(String(fields[1]) == truth, "\(image)")
      let confidence = try #require(Double(fields[2]))
      #expect(confidence > 0 && confidence <= 1)
    }
  }
}
