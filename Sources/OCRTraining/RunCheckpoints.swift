// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRCore
import Torch

/// The checkpoints folder of a run: `step-N` folders (the newest `keep` are kept) and `best`
/// (the best validation character accuracy so far); in a run that averages its weights,
/// `averaged` (the newest averaged weights, a model folder of their own), and `best` holds
/// averaged weights, as validation reads them.
struct RunCheckpoints {
  let directory: String
  let keep: Int
  /// The charset, written as `dictionary.txt` so every checkpoint is a complete model folder.
  let charset: Charset

  init(runDirectory: String, keep: Int, charset: Charset) {
    directory = "\(runDirectory)/checkpoints"
    self.keep = keep
    self.charset = charset
  }

  /// The averaged weights inside a step folder, restored with it on resume.
  static let averagedFile = "averaged.safetensors"

  /// Saves step `step`; also as `best` when `accuracy` beats `bestAccuracy` (which it updates).
  /// `validation` names the validation set, so a resumed run that validates on another set
  /// starts its best accuracy afresh. `averaged`, the run's averaged weights, goes into the
  /// step folder and `averaged`, and is what `best` keeps.
  func save<Config: Codable>(
    module: Module, averaged: Module? = nil, optimizer: any Optimizer, step: Int, config: Config,
    accuracy: Double?, bestAccuracy: inout Double, validation: String
  ) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let improved = accuracy.map { $0 > bestAccuracy } ?? false
    if improved, let accuracy { bestAccuracy = accuracy }
    let extra = ["best_strict_character_accuracy": String(bestAccuracy), "validation_set": validation]
    let files = ["dictionary.txt": charset.fileContents()]
    try Checkpoint.save(
      module: module, optimizer: optimizer, step: step, config: config, extra: extra, files: files,
      tensorFiles: averaged.map { [Self.averagedFile: $0.stateDict()] } ?? [:],
      to: "\(directory)/\(String(format: "step-%09d", step))")
    if let averaged {
      try Checkpoint.save(
        module: averaged, step: step, config: config, extra: extra, files: files, to: "\(directory)/averaged")
    }
    if improved {
      try Checkpoint.save(
        module: averaged ?? module, step: step, config: config, extra: extra, files: files,
        to: "\(directory)/best")
    }
    for old in try stepFolders().dropLast(keep) { try? FileManager.default.removeItem(atPath: old) }
  }

  /// Restores the newest step checkpoint into `module` and `optimizer` when its config passes
  /// `matches`; returns its step, the best accuracy it recorded on `validation` and the
  /// averaged weights it holds (if any), or nil when the run has no checkpoint yet.
  func restoreLatest<Config: Codable>(
    into module: Module, optimizer: any Optimizer, validation: String, matches: (Config) -> Bool
  ) throws -> (step: Int, bestAccuracy: Double, averaged: [String: Tensor]?)? {
    guard let latest = try latest() else { return nil }
    let checkpoint = try Checkpoint<Config>.load(from: latest)
    guard matches(checkpoint.config) else {
      throw TrainingError("\(latest): saved with another model or dictionary; start a new run folder")
    }
    try checkpoint.restore(into: module, optimizer: optimizer)
    let averagedPath = "\(latest)/\(Self.averagedFile)"
    let averaged =
      FileManager.default.fileExists(atPath: averagedPath) ? try Safetensors.load(averagedPath).tensors : nil
    return (checkpoint.step, Self.bestAccuracy(of: checkpoint, validation: validation), averaged)
  }

  /// The best accuracy a checkpoint recorded on `validation` (−1 when none, or on another set).
  static func bestAccuracy<Config>(of checkpoint: Checkpoint<Config>, validation: String) -> Double {
    guard checkpoint.manifest.extra["validation_set"] == validation else { return -1 }
    return Double(checkpoint.manifest.extra["best_strict_character_accuracy"] ?? "") ?? -1
  }

  func stepFolders() throws -> [String] {
    guard FileManager.default.fileExists(atPath: directory) else { return [] }
    return try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter { $0.hasPrefix("step-") && !$0.contains(".partial") && !$0.contains(".old") }
      .sorted().map { "\(directory)/\($0)" }
  }

  func latest() throws -> String? { try stepFolders().last }

  /// The configuration the newest step checkpoint was saved with, read without its tensors.
  func latestConfig<Config: Codable>() throws -> Config? {
    guard let latest = try latest() else { return nil }
    return try Checkpoint<Config>.manifest(in: latest).config
  }

  /// Refuses a run whose checkpoints were saved with another dictionary than `charset`.
  static func requireDictionary(_ fingerprint: String, of charset: Charset, runDirectory: String) throws {
    guard fingerprint == charset.fingerprint else {
      throw TrainingError(
        "\(runDirectory): trained with another dictionary (fingerprint \(fingerprint), this one's \(charset.fingerprint)); pass the run's dictionary"
      )
    }
  }
}
