// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRCore
import OCRData
import OCRModel
import Testing
import Torch
import TorchTestSupport

/// A small compact model, quick to train in a test.
func tinyConfig(classes: Int, nullID: Int) -> CompactConfig {
  var config = CompactConfig(classes: classes, nullID: nullID)
  config.channels = [16, 32, 48, 48, 64, 64]
  config.encoderHidden = 48
  config.decoderHidden = 96
  config.embedding = 32
  config.attention = 48
  config.maxLength = 12
  config.dropout = 0
  return config
}

/// Grey images [N, 1, 32, width] scaled to 0…1 → −1…1, and their content widths.
func batch(_ images: [Image], width: Int) throws -> (Tensor, [Int]) {
  var pixels: [Float] = []
  var widths: [Int] = []
  for image in images {
    // Scaled as the recogniser scales lines, so a model trained here reads them back there.
    let (fitted, content) = image.grey().fitted(
      height: 32, width: width, padValue: 0, method: .suited(from: image.height, to: 32))
    pixels += fitted.pixels.map { Float($0) / 127.5 - 1 }
    widths.append(content)
  }
  return (try Tensor(pixels, shape: [images.count, 1, 32, width]), widths)
}

@Suite(.serialized) struct CompactModelTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  @Test func shapesFollowTheInputWidth() throws {
    try Torch.manualSeed(1)
    let model = try CompactModel(config: tinyConfig(classes: 20, nullID: 19))
    model.eval()
    let images = try Tensor.randn([3, 1, 32, 101])
    let memory = try model.encode(images, widths: [101, 60, 8])
    #expect(memory.values.shape == [3, 26, 96])  // ⌈101 / 4⌉ columns
    let targets = try Tensor([1, 2, 19, 3, 19, 19, 4, 5, 19] as [Int64], shape: [3, 3])
    #expect(try model.logits(images, widths: [101, 60, 8], targets: targets).shape == [3, 3, 20])
  }

  /// New models run the encoder's backward direction from each line's end; a model saved
  /// before that option existed keeps the run it was trained with.
  @Test func olderConfigsKeepTheFusedEncoder() throws {
    let config = CompactConfig(classes: 20, nullID: 19)
    #expect(config.encoderStartsAtLineEnds == true)
    var json = try #require(
      try JSONSerialization.jsonObject(with: JSONEncoder().encode(config)) as? [String: Any])
    json["encoderStartsAtLineEnds"] = nil
    let older = try JSONDecoder().decode(
      CompactConfig.self, from: JSONSerialization.data(withJSONObject: json))
    #expect(older.encoderStartsAtLineEnds == nil)
    #expect(older.channels == config.channels)
  }

  /// A line's memory does not depend on how wide its batch-mates are when the encoder runs
  /// from each line's end; with the older run from the batch's end it does.
  @Test func aLineEncodesTheSameBesideWiderBatchMates() throws {
    try Torch.manualSeed(3)
    let line = try Tensor.randn([32, 16]).toArray(of: Float.self)
    func memory(_ model: CompactModel, besideWidth width: Int) throws -> [Float] {
      var pixels = try [Float](repeating: -1, count: 32 * width) + Tensor.randn([32 * width]).toArray()
      for row in 0..<32 {
        for column in 0..<16 { pixels[row * width + column] = line[row * 16 + column] }
      }
      let images = try Tensor(pixels, shape: [2, 1, 32, width])
      let values = try model.encode(images, widths: [16, width]).values  // [2, T, M]
      return try values.select(dim: 0, 0).slice(dim: 0, 0, 4).toArray()  // the line's 4 columns
    }
    var config = tinyConfig(classes: 20, nullID: 19)
    for startsAtLineEnds in [true, nil] {
      config.encoderStartsAtLineEnds = startsAtLineEnds
      let model = try CompactModel(config: config)
      model.eval()
      let narrow = try memory(model, besideWidth: 128)
      let wide = try memory(model, besideWidth: 192)
      let difference = zip(narrow, wide).map { abs($0 - $1) }.max()!
      if startsAtLineEnds == true {
        #expect(difference < 1e-5)
      } else {
        #expect(difference > 1e-4)
      }
    }
  }

  @Test func attentionNeverLooksAtPadding() throws {
    try Torch.manualSeed(2)
    let model = try CompactModel(config: tinyConfig(classes: 20, nullID: 19))
    model.eval()
    let images = try Tensor.randn([2, 1, 32, 80])
    let results = try GreedyDecoder(model: model).decode(images, widths: [80, 20])  // 20 px → 5 columns
    for weights in results[1].attention {
      #expect(weights.count == 20)
      #expect(weights[5...].allSatisfy { $0 == 0 })
      #expect(abs(weights.reduce(0, +) - 1) < 1e-4)
    }
  }

  /// Real learning, not a timed test: four real line crops, overfitted until the greedy decoder
  /// reads every one back.
  @Test func overfitsFourRealLines() throws {
    try Torch.manualSeed(3)
    let charset = try Charset(contentsOf: "\(Self.root)/data/dic.txt")
    let folder = "\(Self.root)/Tests/Fixtures/fsns-tfrecord-generate/d2"
    let stems = [
      "0a2f2b4e-ff14-11e7-9283-1c1b0d9fbd98", "0a7c8bf0-ff1d-11e7-9292-1c1b0d9fbd98",
      "0a9cfdb8-ff1a-11e7-928e-1c1b0d9fbd98", "0b3e6f6f-ff18-11e7-928c-1c1b0d9fbd98",
    ]
    let images = try stems.map { try Image(contentsOf: "\(folder)/\($0).jpg", channels: 1) }
    let texts = try stems.map { try String(contentsOfFile: "\(folder)/\($0).txt", encoding: .utf8) }
    var encoder = LabelEncoder(charset: charset, maximumLength: 12)
    var ids: [[Int]] = []
    for text in texts { ids.append(try #require(try encoder.encode(text))) }
    let (inputs, widths) = try batch(images, width: 160)

    let model = try CompactModel(config: tinyConfig(classes: charset.count, nullID: charset.nullID))
    let targets = try model.targets(for: ids)
    #expect(targets.shape == [4, 7])
    let optimizer = Adam(for: model, learningRate: 1e-2)
    var first: Float = 0, last: Float = 0
    for step in 0..<200 {
      try model.zeroGrad()
      let (loss, _) = try model.loss(inputs, widths: widths, targets: targets, labelSmoothing: 0)
      try loss.backward()
      try GradientClipping.clipGlobalNorm(model.parameters, maxNorm: 5)
      try optimizer.step()
      last = try loss.floatValue()
      if step == 0 { first = last }
    }
    #expect(first > 5 && last < 0.05, "loss \(first) -> \(last)")
    model.eval()
    let read = try GreedyDecoder(model: model).decode(inputs, widths: widths)
    #expect(read.map { encoder.decode($0.ids) } == texts)
    #expect(read.allSatisfy { $0.confidence > 0.5 && $0.confidence <= 1 })

    // End to end through a saved model directory and the files on disk.
    let directory = try saveModelDirectory(model, charset: charset)
    let recognizer = try Recognizer(modelDirectory: directory)
    // Read as trained: an overfit model's confidence in another way of presenting its four
    // lines says nothing (one reads 名步掸 with its text larger, surely).
    recognizer.readingVariants = 1
    let lines = recognizer.recognize(paths: stems.map { "\(folder)/\($0).jpg" })
    #expect(lines.compactMap { try? $0.get().text } == texts)
  }
}

@Suite struct BeamSearchTests {
  @Test func widthOneIsGreedyAndWiderBeamsAreConsistent() throws {
    try Torch.manualSeed(9)
    var config = tinyConfig(classes: 12, nullID: 11)
    config.maxLength = 6
    let model = try CompactModel(config: config)
    model.eval()
    let images = try Tensor.randn([3, 1, 32, 48])
    let widths = [48, 40, 24]
    // One line at a time, as the beam reads them: an untrained model's near-ties would
    // otherwise follow the float noise of different batch sizes.
    let greedy = try (0..<3).flatMap { row in
      try GreedyDecoder(model: model).decode(images.slice(dim: 0, row, row + 1), widths: [widths[row]])
    }
    let one = try BeamSearchDecoder(model: model, width: 1).decode(images, widths: widths)
    #expect(greedy.map(\.ids) == one.map(\.ids))
    let four = try BeamSearchDecoder(model: model, width: 4).decode(images, widths: widths)
    for b in four {
      // The confidence is the whole text's probability: its characters' and the end token's.
      #expect(b.confidence > 0 && b.confidence <= 1)
      #expect(b.confidence <= b.probabilities.reduce(1, *) * 1.0001)
      #expect(b.probabilities.count == b.ids.count && b.attention.count == b.ids.count)
      #expect(b.ids.count <= 6)
    }
  }
}
