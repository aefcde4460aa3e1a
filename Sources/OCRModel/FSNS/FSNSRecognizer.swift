// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRCore
import OCRData
import Torch

/// Reads images with a trained `fsns` model: each image is scaled to the model's 150×600 (as
/// upstream's demo does), decoded greedily over all 37 steps, and the text cut at the first null.
public final class FSNSRecognizer: LineRecognizing {
  public let charset: Charset
  public let config: FSNSConfig
  public let device: Device
  public let batchSize: Int
  public var imageChannels: Int { 3 }
  let model: FSNSModel

  public init(modelDirectory: String, dictionary: String? = nil, device: Device = .cpu, batchSize: Int = 8)
    throws
  {
    let (checkpoint, charset) = try ModelDirectory.load(
      modelDirectory, dictionary: dictionary, classes: { (model: FSNSConfig) in model.classes },
      allowAliases: true)
    try Torch.validate(device)
    self.charset = charset
    self.config = checkpoint.config.model
    self.device = device
    self.batchSize = batchSize
    model = try FSNSModel(config: config)
    try checkpoint.restore(into: model)
    try model.move(to: device)
    model.eval()
  }

  public func recognize(_ images: [Image]) throws -> [RecognizedText] {
    var results: [RecognizedText] = []
    for start in stride(from: 0, to: images.count, by: batchSize) {
      let batch = Array(images[start..<min(start + batchSize, images.count)])
      let predictions = try model.predict(model.tensor(for: batch, device: device))
      for (image, prediction) in zip(batch, predictions) {
        let length = prediction.ids.firstIndex(of: config.nullID) ?? prediction.ids.count
        let characters = prediction.ids.prefix(length).map { charset.characters[$0] }
        let probabilities = prediction.scores.prefix(length).map(Float.init)
        let end = length < prediction.scores.count ? Float(prediction.scores[length]) : 1
        results.append(
          RecognizedText(
            text: characters.joined(), confidence: probabilities.reduce(end, *),
            characters: Array(zip(characters, probabilities)).map { ($0.0, $0.1) }, attention: [],
            input: image.rgb().resized(width: config.imageWidth, height: config.imageHeight)))
      }
    }
    return results
  }
}
