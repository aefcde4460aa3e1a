// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Files in Tests/Fixtures (see its README for their origin).
enum Fixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path

  static var fsnsRecords: String { "\(folder)/fsns/fsns-00000-of-00001" }

}
