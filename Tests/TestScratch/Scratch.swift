// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Paths for the files and folders tests write, all under one folder per test process that is
/// removed when the process exits, so a test run leaves nothing behind in the temporary folder.
public enum Scratch {
  /// `<temporary folder>/attention-ocr-tests-<pid>`, created on first use.
  public static let root: String = {
    let path = NSTemporaryDirectory() + "attention-ocr-tests-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit {
      try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "attention-ocr-tests-\(getpid())")
    }
    return path
  }()

  /// A new path under the root, named after `label` and unique; nothing is created there.
  public static func path(_ label: String) -> String { "\(root)/\(label)-\(UUID().uuidString)" }

  /// A new empty folder under the root, named after `label`.
  public static func folder(_ label: String) -> String {
    let path = path(label)
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
