// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRCore
import OCRData
import Torch

/// Text read from one line image.
public struct RecognizedText: Sendable {
  public let text: String
  /// The product of the character probabilities (the end of text included), 0…1.
  public let confidence: Float
  /// Each character with its probability.
  public let characters: [(character: String, probability: Float)]
  /// For each character, the attention weights over the image's feature columns (4 px each);
  /// empty for the fsns model, whose attention spans a 2-D map.
  public let attention: [[Float]]
  /// The line as the model saw it (compact: grey, 32 px high; fsns: RGB 150×600).
  public let input: Image

  /// Width in pixels of the line as the model saw it.
  public var inputWidth: Int { input.width }
}

/// Reads text lines with a trained compact model.
///
/// ```swift
/// let recognizer = try Recognizer(modelDirectory: "models/compact")
/// let result = try recognizer.recognize(Image(contentsOf: "line.png"))
/// print(result.text, result.confidence)
/// ```
///
/// A model directory holds `model.safetensors`, `checkpoint.json` and `dictionary.txt`, as
/// every checkpoint of `attention-ocr train` does.
public final class Recognizer: LineRecognizing {
  public let charset: Charset
  public let config: CompactConfig
  public let device: Device
  public let batchSize: Int
  /// Beam width of the decoder; 1 is greedy decoding.
  public var beamWidth = 1
  /// Divides the logits before the softmax so that confidences match accuracy; the model
  /// directory's `checkpoint.json` carries it as `extra.temperature` once `attention-ocr
  /// calibrate --write` has fitted it, else 1.
  public var temperature: Double = 1
  /// Crops loose margins around the text before reading (`Image.trimmedToText`): a line with
  /// a lot of background around it would otherwise be read at a fraction of the character
  /// height the model was trained on.
  public var trimsMargins = true
  /// Which way lines run: `.auto` lays an image flat when it holds a vertical line
  /// (`Image.readsVertically`), so signs and spines set top to bottom are read too.
  public var layout = LineLayout.auto
  public var inputChannels: Int { 1 }
  let model: CompactModel
  static let maxWidth = 1024
  /// The key of the fitted temperature in a checkpoint's `extra`.
  public static let temperatureKey = "temperature"

  /// - Parameters:
  ///   - dictionary: the dictionary file when the directory has none.
  public init(modelDirectory: String, dictionary: String? = nil, device: Device = .cpu, batchSize: Int = 16)
    throws
  {
    let (checkpoint, charset) = try ModelDirectory.load(
      modelDirectory, dictionary: dictionary, classes: { (model: CompactConfig) in model.classes })
    try Torch.validate(device)
    self.charset = charset
    self.config = checkpoint.config.model
    self.device = device
    self.batchSize = batchSize
    if let saved = checkpoint.manifest.extra[Self.temperatureKey] {
      guard let value = Double(saved), value > 0 else {
        throw RecognizerError(
          "\(modelDirectory)/checkpoint.json: extra.\(Self.temperatureKey) is '\(saved)', not a positive number"
        )
      }
      temperature = value
    }
    model = try CompactModel(config: checkpoint.config.model)
    try checkpoint.restore(into: model)
    try model.move(to: device)
    model.eval()
  }

  /// A recogniser around a model in memory (e.g. one being trained or benchmarked).
  public init(model: CompactModel, charset: Charset, device: Device = .cpu, batchSize: Int = 16) {
    self.model = model
    self.charset = charset
    self.config = model.config
    self.device = device
    self.batchSize = batchSize
    model.eval()
  }

  public var parameterCount: Int { model.parameterCount }

  /// An image as the model reads it: grey, laid flat if it is a vertical line, trimmed to its
  /// text, `inputHeight` high, at most `maxWidth` wide.
  func prepare(_ image: Image) -> Image {
    var grey = image.grey()
    if grey.readsVertically(layout) { grey = grey.laidFlat() }
    return (trimsMargins ? grey.trimmedToText() : grey)
      .resized(toHeight: config.inputHeight, maxWidth: Self.maxWidth)
  }

  /// FLOPs to read a line `width` pixels wide (at the model's height) into `characters` characters.
  public func flops(width: Int, characters: Int) -> Int { config.flops(width: width, characters: characters) }

  /// Reads every image (any size: each is scaled to 32 px high keeping its aspect ratio),
  /// batching lines of similar width together.
  public func recognize(_ images: [Image]) throws -> [RecognizedText] {
    let prepared = images.map(prepare)
    let order = prepared.indices.sorted { prepared[$0].width < prepared[$1].width }
    var results = [RecognizedText?](repeating: nil, count: images.count)
    for start in stride(from: 0, to: order.count, by: batchSize) {
      let indices = Array(order[start..<min(start + batchSize, order.count)])
      let (tensor, widths) = try LineTensor.make(indices.map { prepared[$0] }, device: device)
      let decoded =
        beamWidth > 1
        ? try BeamSearchDecoder(model: model, width: beamWidth, temperature: temperature).decode(
          tensor, widths: widths)
        : try GreedyDecoder(model: model, temperature: temperature).decode(tensor, widths: widths)
      for (position, index) in indices.enumerated() {
        let recognition = decoded[position]
        let characters = recognition.ids.map { charset.characters[$0] }
        results[index] = RecognizedText(
          text: characters.joined(), confidence: recognition.confidence,
          characters: Array(zip(characters, recognition.probabilities)).map { ($0.0, $0.1) },
          attention: recognition.attention, input: prepared[index])
      }
    }
    return results.map { $0! }
  }
}

/// A model directory or input the recogniser cannot use.
public struct RecognizerError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
