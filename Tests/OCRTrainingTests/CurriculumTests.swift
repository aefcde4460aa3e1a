// SPDX-License-Identifier: Apache-2.0
import OCRModel
import Testing

@testable import OCRTraining

struct CurriculumTests {
  @Test func aWrittenCurriculumDecidesEachLinesLevel() throws {
    var config = TrainConfig(model: CompactConfig(classes: 10, nullID: 0), charsetFingerprint: "")
    config.batchSize = 4
    config.curriculum = try CurriculumStage.parseCurriculum("0:0/2:1,3")
    #expect(config.curriculum == [.init(fromStep: 0, levels: [0]), .init(fromStep: 2, levels: [1, 3])])
    // Lines 0–7 are steps 0 and 1; from line 8 (step 2) the levels alternate 1, 3.
    #expect((0..<12).map(config.level(forLine:)) == [0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1, 3])
  }

  @Test(arguments: ["", "5:0,1", "0:0/0:1", "0:0/9:1/4:2", "0:4", "0:", "0:1;2", "x:1"])
  func aMalformedCurriculumIsRefused(_ text: String) {
    #expect(throws: CurriculumError.self) { try CurriculumStage.parseCurriculum(text) }
  }
}
