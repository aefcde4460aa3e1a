// SPDX-License-Identifier: Apache-2.0

extension CurriculumStage {
  /// Reads a curriculum written as `STEP:LEVELS/STEP:LEVELS/…`, e.g. `0:0,1/5000:0,1,2,3`: from
  /// each step on, lines cycle through that stage's levels. The first stage must start at step 0
  /// and the steps must rise, so every step has exactly one stage.
  public static func parseCurriculum(_ text: String) throws(CurriculumError) -> [CurriculumStage] {
    var stages: [CurriculumStage] = []
    for part in text.split(separator: "/", omittingEmptySubsequences: false) {
      let fields = part.split(separator: ":", omittingEmptySubsequences: false)
      guard fields.count == 2, let step = Int(fields[0]), step >= 0 else {
        throw CurriculumError("'\(part)' is not STEP:LEVELS (e.g. 5000:0,1,2,3)")
      }
      var levels: [Int] = []
      for field in fields[1].split(separator: ",", omittingEmptySubsequences: false) {
        guard let level = Int(field), (0...3).contains(level) else {
          throw CurriculumError("'\(field)' in '\(part)' is not a level from 0 to 3")
        }
        levels.append(level)
      }
      if let last = stages.last, step <= last.fromStep {
        throw CurriculumError("stage '\(part)' must start after step \(last.fromStep)")
      }
      stages.append(CurriculumStage(fromStep: step, levels: levels))
    }
    guard stages.first?.fromStep == 0 else { throw CurriculumError("the first stage must start at step 0") }
    return stages
  }
}

public struct CurriculumError: Error, CustomStringConvertible, Equatable {
  public let description: String
  init(_ description: String) { self.description = "curriculum: \(description)" }
}
