// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation

/// The models that ship in the repository's `models/` folder: `compact`, used when no --model
/// is given, and `compact-punct` beside it. Either can be named instead of given as a path.
enum ShippedModel {
  static let relativePath = "models/compact"
  static let folder = "models"

  /// `model` as given (a model directory, or the name of a shipped model such as
  /// `compact-punct`), or the default shipped model. A shipped model is looked for under the
  /// working directory, then under the project the executable was built in.
  static func resolve(_ model: String?) throws -> String {
    let fm = FileManager.default
    let roots = [fm.currentDirectoryPath, ProjectRoot.locate()]
    if let model {
      if fm.fileExists(atPath: "\(model)/checkpoint.json") { return model }
      if !model.contains("/") {
        for root in roots where fm.fileExists(atPath: "\(root)/\(folder)/\(model)/checkpoint.json") {
          return "\(root)/\(folder)/\(model)"
        }
      }
      let shipped = roots.lazy.map(names(under:)).first { !$0.isEmpty } ?? []
      let known = shipped.isEmpty ? "" : " or name a shipped model (\(shipped.joined(separator: ", ")))"
      throw ValidationError("\(model): no model there (expected checkpoint.json); pass --model DIR\(known)")
    }
    for root in roots {
      let candidate = "\(root)/\(relativePath)"
      if fm.fileExists(atPath: "\(candidate)/checkpoint.json") { return candidate }
    }
    throw ValidationError(
      "no shipped model found (\(relativePath) under the working directory or the project); pass --model DIR")
  }

  /// The shipped models' names under `root`, sorted.
  static func names(under root: String) -> [String] {
    let fm = FileManager.default
    let entries = (try? fm.contentsOfDirectory(atPath: "\(root)/\(folder)")) ?? []
    return entries.filter { fm.fileExists(atPath: "\(root)/\(folder)/\($0)/checkpoint.json") }.sorted()
  }
}
