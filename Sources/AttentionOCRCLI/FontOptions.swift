// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import OCRCore
import SyntheticData

/// Where the commands that draw lines look for fonts: the system's font folders, or folders
/// the user names (their own faces, or a cut-down copy carried to another machine).
struct FontOptions: ParsableArguments {
  @Option(
    name: .customLong("fonts"),
    help: "A folder to search for fonts, instead of /usr/share/fonts and /usr/local/share/fonts (repeatable)."
  )
  var folders: [String] = []

  func library(charset: Charset) throws -> FontLibrary {
    for folder in folders {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
        throw ValidationError("--fonts \(folder): no such folder")
      }
    }
    return try FontLibrary(charset: charset, folders: folders.isEmpty ? FontLibrary.defaultFolders : folders)
  }
}
