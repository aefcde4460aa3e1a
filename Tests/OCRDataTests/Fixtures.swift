// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Files in Tests/Fixtures (see its README for their origin).
enum Fixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path

  static var fsnsRecords: String { "\(folder)/fsns/fsns-00000-of-00001" }
  static var fsnsCharset: String { "\(folder)/fsns/charset_size=134.txt" }
  /// The project dictionary (data/dic.txt, the seed's dic.txt).
  static var dictionary: String { "\(folder)/../../data/dic.txt" }
  static var generatorSamples: String { "\(folder)/fsns-tfrecord-generate/d2" }

  static func bytes(_ relativePath: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(relativePath)")))
  }

}
