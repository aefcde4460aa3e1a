// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import OCRModel

/// What --model (and train's --init-from) names: a model directory, or a shipped model by its
/// name (`compact`, `compact-punct`); without it, the default shipped model.
enum ModelArgument {
  static let defaultModel = ShippedModel.compact

  /// The folders a shipped model is looked for in, in order: `models/` under the working
  /// directory's project, then the one `ShippedModel.folder` gives (`ATTENTION_OCR_MODELS`, or
  /// the checkout the binary was built from).
  static var shippedFolders: [String] {
    let project = "\(ProjectRoot.locate())/models"
    return project == ShippedModel.folder ? [project] : [project, ShippedModel.folder]
  }

  /// `model` as given, or the default shipped model's folder.
  static func resolve(_ model: String?) throws -> String {
    let fm = FileManager.default
    guard let model else {
      if let folder = shipped(defaultModel.rawValue) { return folder }
      throw ValidationError(
        "no shipped model found (models/\(defaultModel.rawValue) under \(shippedFolders.joined(separator: " or "))); pass --model DIR"
      )
    }
    if fm.fileExists(atPath: "\(model)/checkpoint.json") { return model }
    if !model.contains("/"), let folder = shipped(model) { return folder }
    let names = ShippedModel.allCases.map(\.rawValue).joined(separator: ", ")
    throw ValidationError(
      "\(model): no model there (expected checkpoint.json); pass --model DIR or name a shipped model (\(names))"
    )
  }

  /// The folder of the shipped model `name`, if one of `shippedFolders` holds it.
  static func shipped(_ name: String) -> String? {
    shippedFolders.lazy.map { "\($0)/\(name)" }
      .first { FileManager.default.fileExists(atPath: "\($0)/checkpoint.json") }
  }
}
