// SPDX-License-Identifier: Apache-2.0
import OCRData

/// A contact sheet: for each curriculum level a heading, then samples with their labels
/// printed plainly underneath, so a person can check what the model trains on.
public enum PreviewSheet {
  public static func make(
    generator: SyntheticLineGenerator, levels: [Int], samplesPerLevel: Int, width: Int = 1100
  ) throws -> Image {
    let gap = 6
    var blocks: [Image] = []
    for level in levels {
      if let heading = try generator.renderPlain("等级\(level)", height: 40) { blocks.append(heading) }
      for index in 0..<samplesPerLevel {
        let sample = try generator.sample(index: index, level: level)
        blocks.append(sample.image)
        if let caption = try generator.renderPlain(sample.text, height: 20) { blocks.append(caption) }
      }
    }
    let height = blocks.reduce(gap) { $0 + $1.height + gap }
    var sheet = Image(width: width, height: height, channels: 1, value: 255)
    var y = gap
    for block in blocks {
      sheet.paste(block, x: gap, y: y)
      y += block.height + gap
    }
    return sheet
  }
}
