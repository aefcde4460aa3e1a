// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import NN
import OCRModel
import Torch

/// Writes a model whose weights lie between two compact models of one architecture.
struct BlendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "blend",
    abstract: "Blend two compact models: weights part way from the first to the second.",
    discussion: """
      For a model fine-tuned from another (train --init-from): blending it with the model it
      started from keeps part of what each reads well. Both must have the same layers and
      dictionary. The output starts from the first model's checkpoint.json and dictionary, with
      the two temperatures blended alike and no line map; calibrate it before use:
        attention-ocr blend models/compact RUN/checkpoints/step-000002400 --share 0.5 -o blended
        attention-ocr calibrate --model blended --images cal --write
      """)

  @Argument(help: "The first model: a directory or a shipped model's name.")
  var first: String

  @Argument(help: "The second model.")
  var second: String

  @Option(help: "How far towards the second model, from 0 (the first) to 1 (the second).")
  var share: Double = 0.5

  @Option(
    name: [.short, .customLong("output")], help: "The folder to write the blended model to (must not exist).")
  var output: String

  func validate() throws {
    guard (0...1).contains(share) else { throw ValidationError("--share is between 0 and 1, got \(share)") }
    guard !FileManager.default.fileExists(atPath: output) else {
      throw ValidationError("\(output) already exists; name a new folder")
    }
  }

  func run() throws {
    let folders = try [first, second].map { try ModelArgument.resolve($0) }
    let manifests = try folders.map { folder in
      do {
        return try Checkpoint<ModelDirectory.Manifest<CompactConfig>>.manifest(in: folder)
      } catch {
        throw ValidationError("\(folder): not a compact model (\(error))")
      }
    }
    guard manifests[0].config.charsetFingerprint == manifests[1].config.charsetFingerprint else {
      throw ValidationError("\(folders[0]) and \(folders[1]) read into different dictionaries")
    }
    let tensors = try folders.map { try Safetensors.load("\($0)/model.safetensors").tensors }
    let blended: [String: Tensor]
    do {
      blended = try WeightInterpolation.interpolate(tensors[0], tensors[1], share: share)
    } catch let error as StateDictError {
      throw ValidationError("\(folders[0]) and \(folders[1]): \(error.description)")
    }
    try AtomicFile.writeFolder(output) { staging in
      try Safetensors.save(blended, to: "\(staging)/model.safetensors")
      try AtomicFile.write(try manifest(of: folders), to: "\(staging)/checkpoint.json")
      try FileManager.default.copyItem(
        atPath: "\(folders[0])/dictionary.txt", toPath: "\(staging)/dictionary.txt")
    }
    print("\(output): \(folders[0]) × \(1 - share) + \(folders[1]) × \(share); calibrate it before use")
  }

  /// The first model's checkpoint.json, its temperature blended with the second's and the
  /// blend written down in `extra.blended_from`.
  func manifest(of folders: [String]) throws -> [UInt8] {
    let objects = try folders.map { folder in
      let path = "\(folder)/checkpoint.json"
      guard let object = try JSONSerialization.jsonObject(with: Data(AtomicFile.read(path))) as? [String: Any]
      else { throw ValidationError("\(path): not a JSON object") }
      return object
    }
    var manifest = objects[0]
    var extra = manifest["extra"] as? [String: Any] ?? [:]
    let temperatures = objects.map { object in
      ((object["extra"] as? [String: Any])?[Recognizer.temperatureKey] as? String).flatMap(Double.init) ?? 1
    }
    let temperature = (1 - share) * temperatures[0] + share * temperatures[1]
    extra[Recognizer.temperatureKey] = String(format: "%.4f", temperature)
    // A line map fitted to one model's readings says nothing of the blend's.
    extra[Recognizer.lineShiftKey] = nil
    extra[Recognizer.lineScaleKey] = nil
    extra["blended_from"] = "\(folders[0]) × \(1 - share) + \(folders[1]) × \(share)"
    manifest["extra"] = extra
    manifest["hasOptimizer"] = false
    return [UInt8](
      try JSONSerialization.data(
        withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
  }
}
