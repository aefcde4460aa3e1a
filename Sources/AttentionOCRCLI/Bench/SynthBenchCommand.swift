// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import OCRCore
import SyntheticData

/// Lines per second of the synthetic engine on one thread, per curriculum level, after a
/// warm-up that fills the glyph atlas (as a long training run has it).
struct SynthBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "synth", abstract: "Measure synthetic line rendering speed on one thread.")

  @Option(help: "Lines timed per level.")
  var lines: Int = 2000

  @Option(help: "Untimed lines first, to fill the glyph atlas.")
  var warmup: Int = 20_000

  @Option(help: "Line height in pixels.")
  var height: Int = 32

  @Option(help: "Curriculum levels to time, comma-separated.")
  var levels: String = "0,1,2,3"

  func run() throws {
    let root = ProjectRoot.locate()
    let charset = try Charset(contentsOf: "\(root)/data/dic.txt")
    let phrases = try PhraseList(contentsOf: PhraseList.locate(projectRoot: root), charset: charset)
    let fonts = try FontLibrary(charset: charset)
    var options = SyntheticLineGenerator.Options()
    options.height = height
    let generator = try SyntheticLineGenerator(
      fonts: fonts, sampler: TextSampler(charset: charset, phrases: phrases), options: options)
    print("synthetic lines, \(height) px high, one thread (\(fonts.fonts.count) font faces)")
    let warmStart = Date()
    for index in 0..<warmup { _ = try generator.sample(index: 1_000_000 + index, level: index % 4) }
    print(
      String(
        format: "  warm-up: %d lines in %.1f s (%d glyphs in the atlas)", warmup,
        Date().timeIntervalSince(warmStart), generator.atlasSize))
    for level in levels.split(separator: ",").compactMap({ Int($0) })
    where AugmentationPolicy.levels.contains(level) {
      let start = DispatchTime.now().uptimeNanoseconds
      var characters = 0
      for index in 0..<lines { characters += try generator.sample(index: index, level: level).ids.count }
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      print(
        String(
          format: "  level %d: %6.0f lines/s  (%.1f characters per line)", level, Double(lines) / seconds,
          Double(characters) / Double(lines)))
    }
  }
}
