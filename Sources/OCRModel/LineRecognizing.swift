// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRCore
import OCRData
import Torch

/// What `recognize` and `eval` need of a model, whichever configuration it has.
public protocol LineRecognizing: AnyObject {
  var charset: Charset { get }
  /// Channels image files are decoded to before `recognize` (1 grey, 3 RGB): a recognizer that
  /// turns lines grey itself (keeping colour contrast) wants them in colour.
  var imageChannels: Int { get }
  func recognize(_ images: [Image]) throws -> [RecognizedText]
}

extension LineRecognizing {
  public func recognize(_ image: Image) throws -> RecognizedText { try recognize([image])[0] }

  /// Reads image files; a file that cannot be read gives its error in place of a result.
  public func recognize(paths: [String]) -> [Result<RecognizedText, Error>] {
    var images: [(Int, Image)] = []
    var results = [Result<RecognizedText, Error>?](repeating: nil, count: paths.count)
    for (index, path) in paths.enumerated() {
      do {
        images.append((index, try Image(contentsOf: path, channels: imageChannels)))
      } catch {
        results[index] = .failure(error)
      }
    }
    do {
      let texts = try recognize(images.map(\.1))
      for ((index, _), text) in zip(images, texts) { results[index] = .success(text) }
    } catch {
      for (index, _) in images { results[index] = .failure(error) }
    }
    return results.map { $0! }
  }
}

/// Opens a model folder of either configuration, as its `checkpoint.json` says.
public enum ModelDirectory {
  public static func open(
    _ path: String, dictionary: String? = nil, device: Device = .cpu, batchSize: Int = 16
  ) throws -> any LineRecognizing {
    let manifest = "\(path)/checkpoint.json"
    guard let data = FileManager.default.contents(atPath: manifest) else {
      throw RecognizerError("\(path): no model there (expected checkpoint.json)")
    }
    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    let model = (object?["config"] as? [String: Any])?["model"] as? [String: Any]
    guard let model else {
      throw RecognizerError("\(manifest): not an attention-ocr checkpoint (no config.model)")
    }
    if model["views"] != nil {
      return try FSNSRecognizer(
        modelDirectory: path, dictionary: dictionary, device: device, batchSize: batchSize)
    }
    return try Recognizer(modelDirectory: path, dictionary: dictionary, device: device, batchSize: batchSize)
  }

  /// What a recogniser (or a run starting from a model's weights) reads from a checkpoint's config.
  public struct Manifest<Model: Codable>: Codable {
    public let model: Model
    public let charsetFingerprint: String
  }

  /// The checkpoint in `path` and its dictionary (`dictionary`, else the folder's own), refused
  /// when the dictionary is not the one the model was trained with.
  static func load<Model: Codable>(
    _ path: String, dictionary: String?, classes: (Model) -> Int, allowAliases: Bool = false
  ) throws -> (Checkpoint<Manifest<Model>>, Charset) {
    let checkpoint = try Checkpoint<Manifest<Model>>.load(from: path, withOptimizer: false)
    let dictionaryPath = dictionary ?? "\(path)/dictionary.txt"
    let charset = try Charset(contentsOf: dictionaryPath, allowAliases: allowAliases)
    let expected = classes(checkpoint.config.model)
    guard charset.fingerprint == checkpoint.config.charsetFingerprint, charset.count == expected else {
      throw RecognizerError(
        "\(dictionaryPath): this dictionary (\(charset.count) classes) is not the one the model in \(path) was trained with (\(expected) classes)"
      )
    }
    return (checkpoint, charset)
  }
}
