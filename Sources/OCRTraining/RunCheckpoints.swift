// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN

/// The checkpoints folder of a run: `step-N` folders (the newest `keep` are kept) and `best`
/// (the best validation character accuracy so far).
struct RunCheckpoints {
  let directory: String
  let keep: Int

  init(runDirectory: String, keep: Int) {
    directory = "\(runDirectory)/checkpoints"
    self.keep = keep
  }

  /// Saves step `step`; also as `best` when `accuracy` beats `bestAccuracy` (which it updates).
  func save<Config: Codable>(
    module: Module, optimizer: any Optimizer, step: Int, config: Config, accuracy: Double?,
    bestAccuracy: inout Double
  ) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let improved = accuracy.map { $0 > bestAccuracy } ?? false
    if improved, let accuracy { bestAccuracy = accuracy }
    let extra = ["best_strict_character_accuracy": String(bestAccuracy)]
    try Checkpoint.save(
      module: module, optimizer: optimizer, step: step, config: config, extra: extra,
      to: "\(directory)/\(String(format: "step-%09d", step))")
    if improved {
      try Checkpoint.save(module: module, step: step, config: config, extra: extra, to: "\(directory)/best")
    }
    for old in try stepFolders().dropLast(keep) { try? FileManager.default.removeItem(atPath: old) }
  }

  /// The best accuracy a checkpoint recorded (−1 when none).
  static func bestAccuracy<Config>(of checkpoint: Checkpoint<Config>) -> Double {
    Double(checkpoint.manifest.extra["best_strict_character_accuracy"] ?? "") ?? -1
  }

  func stepFolders() throws -> [String] {
    guard FileManager.default.fileExists(atPath: directory) else { return [] }
    return try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter { $0.hasPrefix("step-") && !$0.contains(".partial") && !$0.contains(".old") }
      .sorted().map { "\(directory)/\($0)" }
  }

  func latest() throws -> String? { try stepFolders().last }
}
