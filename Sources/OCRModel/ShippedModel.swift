// SPDX-License-Identifier: Apache-2.0
import Foundation
import Torch

/// The trained models that ship in the repository's `models/` folder, found without a path:
///
/// ```swift
/// let recognizer = try Recognizer(shipped: .compactPunct)
/// ```
///
/// SwiftPM builds a dependency from its checkout, so a program that depends on this package
/// finds the models in that checkout. A program moved to another machine finds them in the
/// folder that `ATTENTION_OCR_MODELS` names (a copy of `models/`).
public enum ShippedModel: String, CaseIterable, Sendable {
  /// The default model: upstream's 5,463-class dictionary, which has no punctuation.
  case compact
  /// `compact` taught 24 punctuation marks as classes of their own (`data/dic-punct.txt`).
  case compactPunct = "compact-punct"

  /// The environment variable that names a folder holding the shipped models' folders.
  public static let environmentKey = "ATTENTION_OCR_MODELS"

  /// The folder holding the shipped models: `$ATTENTION_OCR_MODELS`, else `models/` of the
  /// checkout this library was built from.
  public static var folder: String {
    if let folder = ProcessInfo.processInfo.environment[environmentKey], !folder.isEmpty { return folder }
    // Sources/OCRModel/ShippedModel.swift → the checkout's root.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return root.appendingPathComponent("models").path
  }

  /// The model's folder (`model.safetensors`, `checkpoint.json`, `dictionary.txt`).
  public var directory: String { "\(Self.folder)/\(rawValue)" }

  /// The shipped model read beside this one for punctuation (`PunctuatingRecognizer`), if any:
  /// `compact-punct` beside `compact`, whose dictionary has no marks.
  public var punctuationCompanion: ShippedModel? { self == .compact ? .compactPunct : nil }
}

extension Recognizer {
  /// A recogniser over a shipped model (by default `compact`, the one `attention-ocr
  /// recognize` uses without --model).
  public convenience init(shipped model: ShippedModel = .compact, device: Device = .cpu, batchSize: Int = 16)
    throws
  {
    try self.init(modelDirectory: model.directory, device: device, batchSize: batchSize)
  }
}

extension PunctuatingRecognizer {
  /// The shipped default as `attention-ocr recognize` reads without --model: `compact`, with
  /// `compact-punct` beside it for punctuation.
  public convenience init(shipped model: ShippedModel = .compact, device: Device = .cpu, batchSize: Int = 16)
    throws
  {
    guard let companion = model.punctuationCompanion else {
      throw RecognizerError("\(model.rawValue) has no punctuation model to read beside it")
    }
    try self.init(
      main: Recognizer(shipped: model, device: device, batchSize: batchSize),
      companion: Recognizer(shipped: companion, device: device, batchSize: batchSize))
  }
}
