// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import OCRModel
import Torch

/// Which model, if any, is read beside the main one for punctuation (`PunctuatingRecognizer`):
/// shared by `recognize` and `eval`.
struct PunctuationOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A model whose dictionary adds punctuation to the main model's, read beside it; a line's reading is this model's where it holds a mark and is confident enough.",
      discussion:
        "Default: compact-punct when the main model is the shipped compact (no --model, --model compact or its folder); none for other models."
    ))
  var punctuationModel: String?

  @Flag(help: "Read with the main model alone, without a punctuation model beside it.")
  var noPunctuationModel = false

  /// The folder of the model to read beside the main model in `folder`, if any.
  func companionFolder(forModelIn folder: String) throws -> String? {
    if noPunctuationModel {
      guard punctuationModel == nil else {
        throw ValidationError("pass either --punctuation-model or --no-punctuation-model")
      }
      return nil
    }
    if let punctuationModel { return try ModelArgument.resolve(punctuationModel) }
    let shippedDefault = ModelArgument.shipped(ModelArgument.defaultModel.rawValue)
    guard let shippedDefault, Self.sameFolder(folder, shippedDefault),
      let companion = ModelArgument.defaultModel.punctuationCompanion
    else { return nil }
    // A copy of models/ without the companion still reads, without marks.
    return ModelArgument.shipped(companion.rawValue)
  }

  /// The recogniser `recognize` and `eval` read with: the main model, with its punctuation
  /// companion where there is one; reading options applied to both.
  func open(
    model: String?, dictionary: String?, reading: ReadingOptions, device: Device
  ) throws -> any LineRecognizing {
    let folder = try ModelArgument.resolve(model)
    let recognizer = try ModelDirectory.open(folder, dictionary: dictionary, device: device)
    try reading.apply(to: recognizer)
    guard let companionFolder = try companionFolder(forModelIn: folder) else { return recognizer }
    guard let main = recognizer as? Recognizer else {
      throw ValidationError(
        "--punctuation-model: \(folder) is an fsns model; only compact models read beside one")
    }
    guard let companion = try ModelDirectory.open(companionFolder, device: device) as? Recognizer else {
      throw ValidationError("--punctuation-model: \(companionFolder) is an fsns model, not a compact one")
    }
    try reading.apply(to: companion)
    do {
      let pair = try PunctuatingRecognizer(main: main, companion: companion)
      reading.apply(to: pair)
      return pair
    } catch {
      throw ValidationError("--punctuation-model \(companionFolder) beside \(folder): \(error)")
    }
  }

  static func sameFolder(_ a: String, _ b: String) -> Bool {
    func canonical(_ path: String) -> String {
      URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
    return canonical(a) == canonical(b)
  }
}
