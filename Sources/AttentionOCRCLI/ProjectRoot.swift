// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The package folder: found upward from the working directory, else from the executable.
enum ProjectRoot {
  static func locate() -> String {
    let fm = FileManager.default
    for start in [
      fm.currentDirectoryPath,
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path,
    ] {
      var url = URL(fileURLWithPath: start).standardizedFileURL
      while url.path != "/" {
        if fm.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        url.deleteLastPathComponent()
      }
    }
    return fm.currentDirectoryPath
  }
}
