// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import SyntheticData

/// What `synth --images --with-styles` writes beside a line: how it was drawn.
struct LineDescription: Codable {
  let text: String
  let level: Int
  let source: TextSource
  let font: String
  /// The face of the digits and Latin letters, when not `font`.
  let latinFont: String?
  let style: LineStyle

  init(_ sample: SyntheticSample, fonts: FontLibrary) {
    text = sample.text
    level = sample.level
    source = sample.source
    font = fonts.info(sample.font).name
    latinFont = sample.latinFont.map { fonts.info($0).name }
    style = sample.style
  }

  /// The description written beside the image at `imagePath` (its name with `.json`).
  init(describing imagePath: String) throws {
    let path = (imagePath as NSString).deletingPathExtension + ".json"
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ValidationError(
        "\(path): no description of \(imagePath); draw the lines with synth --images DIR --with-styles")
    }
    do {
      self = try JSONDecoder().decode(LineDescription.self, from: data)
    } catch {
      throw ValidationError("\(path): not a line description (\(error))")
    }
  }

  func json() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return Array(try encoder.encode(self)) + [0x0A]
  }
}
