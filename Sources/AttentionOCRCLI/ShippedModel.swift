// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation

/// The model that ships in the repository, used when no --model is given.
enum ShippedModel {
  static let relativePath = "models/compact"

  /// `model` as given, or the shipped model: `models/compact` under the working directory, else
  /// under the project the executable was built in.
  static func resolve(_ model: String?) throws -> String {
    let fm = FileManager.default
    if let model {
      guard fm.fileExists(atPath: "\(model)/checkpoint.json") else {
        throw ValidationError("\(model): no model there (expected checkpoint.json); pass --model DIR")
      }
      return model
    }
    for root in [fm.currentDirectoryPath, ProjectRoot.locate()] {
      let candidate = "\(root)/\(relativePath)"
      if fm.fileExists(atPath: "\(candidate)/checkpoint.json") { return candidate }
    }
    throw ValidationError(
      "no shipped model found (\(relativePath) under the working directory or the project); pass --model DIR")
  }
}
