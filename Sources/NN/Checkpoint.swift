// SPDX-License-Identifier: Apache-2.0
import Foundation
import Torch

/// A self-describing training snapshot in one folder:
///
///     <folder>/model.safetensors      the module's parameters and buffers (state_dict names)
///     <folder>/optimizer.safetensors  the optimizer's state, when there is an optimizer
///     <folder>/NAME.safetensors       any more tensors the run keeps (`tensorFiles`)
///     <folder>/checkpoint.json        step, config and format version
///
/// The folder is written under a temporary name and renamed into place, so a process killed
/// mid-save leaves the previous checkpoint whole and no half-written one under the real name.
public struct Checkpoint<Config: Codable> {
  public static var formatVersion: Int { 1 }

  /// What `checkpoint.json` holds.
  public struct Manifest: Codable {
    public var format: String = "attention-ocr-checkpoint"
    public var version: Int = Checkpoint.formatVersion
    public var step: Int
    public var config: Config
    public var hasOptimizer: Bool
    public var extra: [String: String]
  }

  public let manifest: Manifest
  public let modelTensors: [String: Tensor]
  public let optimizerTensors: [String: Tensor]?

  public var step: Int { manifest.step }
  public var config: Config { manifest.config }

  /// Saves `module` (and `optimizer`) to `folder`, replacing any previous checkpoint there.
  /// - Parameters:
  ///   - files: more files to write into the folder (e.g. the dictionary), by name.
  ///   - tensorFiles: more safetensors files, by name, saved in the same atomic write (e.g. a
  ///     run's averaged weights, which must resume with the step they belong to).
  public static func save(
    module: Module, optimizer: (any Optimizer)? = nil, step: Int, config: Config,
    extra: [String: String] = [:], files: [String: [UInt8]] = [:],
    tensorFiles: [String: [String: Tensor]] = [:], to folder: String
  ) throws {
    try AtomicFile.writeFolder(folder) { staging in
      try Safetensors.save(module.stateDict(), to: "\(staging)/model.safetensors")
      for (name, tensors) in tensorFiles { try Safetensors.save(tensors, to: "\(staging)/\(name)") }
      if let optimizer {
        try Safetensors.save(optimizer.stateTensors(), to: "\(staging)/optimizer.safetensors")
      }
      let manifest = Manifest(step: step, config: config, hasOptimizer: optimizer != nil, extra: extra)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try AtomicFile.write([UInt8](try encoder.encode(manifest)), to: "\(staging)/checkpoint.json")
      for (name, bytes) in files { try AtomicFile.write(bytes, to: "\(staging)/\(name)") }
    }
  }

  /// Reads and checks a checkpoint folder; nothing is applied to a model yet.
  /// - Parameter withOptimizer: false to read the weights alone (to recognise with them or
  ///   fine-tune them), so a step checkpoint copied without its `optimizer.safetensors` loads.
  public static func load(from folder: String, withOptimizer: Bool = true) throws -> Checkpoint {
    let manifest = try manifest(in: folder)
    let model = try Safetensors.load("\(folder)/model.safetensors").tensors
    let optimizer =
      manifest.hasOptimizer && withOptimizer
      ? try Safetensors.load("\(folder)/optimizer.safetensors").tensors : nil
    return Checkpoint(manifest: manifest, modelTensors: model, optimizerTensors: optimizer)
  }

  /// Reads and checks a checkpoint folder's `checkpoint.json` alone, without its tensors.
  public static func manifest(in folder: String) throws -> Manifest {
    let path = "\(folder)/checkpoint.json"
    let bytes = try AtomicFile.read(path)
    let manifest: Manifest
    do {
      manifest = try JSONDecoder().decode(Manifest.self, from: Data(bytes))
    } catch {
      throw FileError(path: path, reason: "not a valid checkpoint manifest: \(error)")
    }
    guard manifest.version <= formatVersion else {
      throw FileError(
        path: path,
        reason: "checkpoint format \(manifest.version) is newer than this program reads (\(formatVersion))")
    }
    return manifest
  }

  /// Copies the saved state into `module` (and `optimizer`). Every tensor is checked first, so
  /// a mismatch throws and leaves both untouched.
  public func restore(into module: Module, optimizer: (any Optimizer)? = nil) throws {
    try module.validateStateDict(modelTensors)
    if let optimizer {
      guard let optimizerTensors else {
        throw StateDictError("checkpoint at step \(step) holds no optimizer state")
      }
      try optimizer.loadStateTensors(optimizerTensors)
    }
    try module.loadStateDict(modelTensors)
  }
}
