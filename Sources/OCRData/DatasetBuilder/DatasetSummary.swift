// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What `DatasetBuilder` did: counts, label lengths, unknown characters and every skipped file.
public struct DatasetSummary: Codable, Sendable, CustomStringConvertible {
  public struct Skip: Codable, Sendable, Equatable {
    public let path: String
    public let reason: String
  }

  public var inputs: Int
  public var train = 0
  public var validation = 0
  /// Label length → number of samples written.
  public var lengthHistogram: [Int: Int] = [:]
  /// Characters outside the dictionary → occurrences.
  public var unknownCharacters: [String: Int] = [:]
  public var skipped: [Skip] = []
  public var trainShards: [String] = []
  public var validationShards: [String] = []

  init(inputs: Int) { self.inputs = inputs }

  mutating func skip(_ path: String, _ reason: String) { skipped.append(Skip(path: path, reason: reason)) }

  mutating func record(split: String, length: Int) {
    if split == "train" { train += 1 } else { validation += 1 }
    lengthHistogram[length, default: 0] += 1
  }

  func write(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  public var description: String {
    var lines = [
      "images: \(inputs)  written: \(train) train + \(validation) validation  skipped: \(skipped.count)",
      "shards: \(trainShards.count) train, \(validationShards.count) validation",
    ]
    if !lengthHistogram.isEmpty {
      let peak = lengthHistogram.values.max() ?? 1
      lines.append("label lengths:")
      for (length, count) in lengthHistogram.sorted(by: { $0.key < $1.key }) {
        let bar = String(repeating: "█", count: max(1, count * 40 / peak))
        lines.append(String(format: "  %3d %6d ", length, count) + bar)
      }
    }
    if !unknownCharacters.isEmpty {
      let listed = unknownCharacters.sorted { $0.value > $1.value }.prefix(20).map {
        "'\($0.key)'×\($0.value)"
      }
      lines.append("characters outside the dictionary: " + listed.joined(separator: " "))
    }
    for skip in skipped.prefix(20) { lines.append("skipped \(skip.path): \(skip.reason)") }
    if skipped.count > 20 { lines.append("… and \(skipped.count - 20) more (see dataset-summary.json)") }
    return lines.joined(separator: "\n")
  }
}
