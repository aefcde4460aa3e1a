// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Files in Tests/Fixtures (see its README for their origin).
enum Fixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path

  static var fsnsRecords: String { "\(folder)/fsns/fsns-00000-of-00001" }

  static func temporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "tfrecord-tests-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
