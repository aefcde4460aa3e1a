// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRCore
import OCRData
import Torch

/// Text read from one line image.
public struct RecognizedText: Sendable {
  public let text: String
  /// How sure the reading is, 0…1: the product of the character probabilities (the end of
  /// text included), mapped by the model's `Recognizer.lineCalibration` where it has one, so
  /// that lines read at 0.8 are right about eight times in ten.
  public internal(set) var confidence: Float
  /// Each character with its probability.
  public let characters: [(character: String, probability: Float)]
  /// For each character, the attention weights over the image's feature columns (4 px each);
  /// empty for the fsns model, whose attention spans a 2-D map.
  public let attention: [[Float]]
  /// The line as the model saw it (compact: grey, 32 px high; fsns: RGB 150×600).
  public let input: Image
  /// Whether the line was read turned half round (`Recognizer.turnsUpsideDownLines`); `input`
  /// is then the turned line.
  public internal(set) var turnedUpsideDown = false
  /// Whether the reading is a punctuation companion's (`PunctuatingRecognizer`), kept for the
  /// marks it holds or because it was sure of a line without marks, rather than the main
  /// model's.
  public internal(set) var isPunctuationModelReading = false

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
  /// Maps each line's product of character probabilities to how often such lines are read
  /// right (`LineConfidenceCalibration`); `checkpoint.json` carries it as
  /// `extra.lineConfidenceShift` and `extra.lineConfidenceScale` once `attention-ocr calibrate
  /// --write` has fitted it, else the product is the confidence. Every choice between readings
  /// (other ways, turned lines, a punctuation companion) is made on the products, before it.
  public var lineCalibration = LineConfidenceCalibration.identity
  /// Crops loose margins around the text before reading (`Image.trimmedToText`): a line with
  /// a lot of background around it would otherwise be read at a fraction of the character
  /// height the model was trained on.
  public var trimsMargins = true
  /// Turns a colour line grey along its colours' main axis when luma leaves it faint
  /// (`Image.colourContrastGrey`): green text on a red ground has almost no luma contrast.
  public var keepsColourContrast = true
  /// Turns light text on a dark ground into dark on light before reading
  /// (`Image.darkOnLight`): training draws one line in twenty inverted, and the model reads
  /// such lines worse than the same lines dark on light.
  public var normalizesPolarity = true
  /// Takes uneven lighting out of a line (`Image.evenlyLit`) before reading: a shadow across
  /// part of a line, which training never draws, reads far worse than the same line lit evenly.
  public var evensLighting = true
  /// Spreads the greys of faint lines (`Image.contrastStretched`) before reading: training
  /// lines keep at least 0.45 of full contrast, and fainter ones read worse.
  public var stretchesContrast = true
  /// Turns a line whose text runs tilted (up to 15°, cropped square from a tilted photo)
  /// level before reading (`Image.levelled`): the crop of a tilted line is taller than the
  /// line, so read as it is the characters shrink and slope.
  public var levelsTiltedLines = true
  /// Reads a line turned level from a tilt that training draws (up to `trainedTilt`) as it
  /// came as well, keeping the more confident reading (`Recognizer+TiltedLines.swift`).
  public var rereadsSlightTiltsAsTheyCame = true
  /// Which way lines run: `.auto` lays an image flat when it holds a vertical line
  /// (`Image.laidFlat(_:)`), so signs and spines set top to bottom are read too.
  public var layout = LineLayout.auto
  /// How many ways each line is read (1–4, `ReadingVariant`): as prepared, then smaller,
  /// larger and wider; the reading with the highest confidence is kept. Each way costs a
  /// reading (of the lines under `otherWaysBelow`); with stage 16, three read 2,000 held-out
  /// lines at 95.29 % / 84.95 % against 94.65 % / 83.55 % two ways and 94.25 % / 81.45 % one,
  /// and the 16 d2 ID-card crops at 87.98 % (two or three) against 77.52 % of characters.
  public var readingVariants = 3
  /// Only lines whose first reading is less confident than this are read the other ways (nil:
  /// every line is). The confidences are calibrated, so another way seldom outweighs a sure
  /// first reading: at 0.95, 7,316 held-out lines read two ways read exactly as with every line
  /// read two ways, and 36 % of the 2,000-line set was read one way (docs/models.md).
  public var otherWaysBelow: Float? = 0.95
  /// Reads a line again turned half round when its reading is doubtful (confidence under
  /// `upsideDownCheckBelow`) and keeps the turned reading when it is the more confident: a
  /// detector's box taken the wrong way round, or a label photographed from across the table,
  /// reads as nonsense otherwise (`Recognizer+UpsideDown.swift`).
  public var turnsUpsideDownLines = true
  /// Reads lines wider than `longestPiece` in pieces cut at gaps between characters.
  public var splitsLongLines = true
  public var imageChannels: Int { 3 }
  let model: CompactModel
  /// Lines wider than this are squeezed to it: 1,024 px read whole (about 50 characters),
  /// 8,192 px (about 400) read in pieces.
  var maxWidth: Int { splitsLongLines ? 8192 : 1024 }
  /// Widest piece read in one go (about 27 characters at the model's height): training lines
  /// hold up to 25 characters, and accuracy falls beyond 30.
  public static let longestPiece = 576
  /// Blank columns added on either side of a piece (a multiple of the feature columns' 4 px).
  static let pieceMargin = 8
  /// Black columns read after each line, as training pads lines (`LineTensor`). The tower's
  /// view from a line's last feature column reaches 20 px past the line, so with these a line
  /// reads the same alone as beside wider ones; without them 97 of 1,200 held-out level-3
  /// lines read differently alone than in batches of 16.
  static let trailingBlank = 20
  /// The key of the fitted temperature in a checkpoint's `extra`.
  public static let temperatureKey = "temperature"
  /// The keys of the fitted line calibration in a checkpoint's `extra`.
  public static let lineShiftKey = "lineConfidenceShift"
  public static let lineScaleKey = "lineConfidenceScale"

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
    let extra = checkpoint.manifest.extra
    temperature = try Self.positiveNumber(Self.temperatureKey, in: extra, of: modelDirectory) ?? 1
    lineCalibration = try Self.lineCalibration(in: extra, of: modelDirectory)
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

  /// An image as the model reads it (one way; `ReadingVariant` for the others): grey (along
  /// its colours where brightness would lose the text), dark on light, evenly lit, faint greys
  /// spread, laid flat if it is a vertical line, turned level if tilted, trimmed to its text,
  /// `inputHeight` high, at most `maxWidth` wide. Each step follows its switch above. Lines
  /// under `inputHeight` are enlarged by cubic convolution: area enlarging repeats pixels, and
  /// small crops read worse in those blocks.
  public func prepare(_ image: Image) -> Image { preparedWays(image, alsoAsItCame: false).line }

  /// `image` prepared as `prepare(_:)` does, and, with `alsoAsItCame`, when it was turned level
  /// from a tilt that training draws (`trainedTilt`), prepared as it came as well.
  func preparedWays(_ image: Image, alsoAsItCame: Bool = true) -> (line: Image, asItCame: Image?) {
    let grey = keepsColourContrast ? image.colourContrastGrey() : image.grey()
    let polarized = normalizesPolarity ? grey.darkOnLight() : grey
    let toned = evensLighting ? polarized.evenlyLit() : polarized
    let flat = (stretchesContrast ? toned.contrastStretched() : toned).laidFlat(layout)
    func finished(_ line: Image) -> Image {
      (trimsMargins ? line.trimmedToText() : line).lineResized(
        toHeight: config.inputHeight, maxWidth: maxWidth)
    }
    guard levelsTiltedLines, let tilt = flat.textTilt() else { return (finished(flat), nil) }
    let rereads = alsoAsItCame && rereadsSlightTiltsAsTheyCame && abs(tilt) <= Self.trainedTilt
    return (finished(flat.levelled(fromTilt: tilt)), rereads ? finished(flat) : nil)
  }

  /// FLOPs to read a line `width` pixels wide (at the model's height) into `characters` characters.
  public func flops(width: Int, characters: Int) -> Int { config.flops(width: width, characters: characters) }

  /// Reads every image (any size: each is scaled to 32 px high keeping its aspect ratio),
  /// batching lines of similar width together; a long line is read in pieces and their
  /// readings joined.
  public func recognize(_ images: [Image]) throws -> [RecognizedText] {
    try uncalibratedReadings(images).map(calibrated)
  }

  /// The readings `recognize(_:)` gives, their confidences the products of their characters'
  /// probabilities: the scale every choice between readings is made on.
  func uncalibratedReadings(_ images: [Image]) throws -> [RecognizedText] {
    let ways = images.map { preparedWays($0) }
    let (readings, prepared) = try keepingTheMoreConfidentOfTiltedWays(
      try recognizeEachWay(ways.map(\.line)), ways: ways)
    return turnsUpsideDownLines ? try rereadingDoubtfulLinesTurned(readings, prepared: prepared) : readings
  }

  /// `reading` with its confidence mapped by `lineCalibration`.
  func calibrated(_ reading: RecognizedText) -> RecognizedText {
    var calibrated = reading
    calibrated.confidence = lineCalibration(reading.confidence)
    return calibrated
  }

  /// Reads prepared lines `readingVariants` ways each (those less confident than
  /// `otherWaysBelow` as prepared), keeping each line's most confident reading.
  func recognizeEachWay(_ prepared: [Image]) throws -> [RecognizedText] {
    let first = try recognizePrepared(prepared)
    guard readingVariants > 1 else { return first }
    let unsure = prepared.indices.filter { first[$0].confidence < otherWaysBelow ?? .infinity }
    let otherWays = ReadingVariant.allCases.prefix(readingVariants).dropFirst()
    let others = try recognizePrepared(
      unsure.flatMap { line in otherWays.map { $0.applied(to: prepared[line]) } })
    var kept = first
    for (position, line) in unsure.enumerated() {
      let readings = others[(position * otherWays.count)..<((position + 1) * otherWays.count)]
      kept[line] = ([first[line]] + readings).max { $0.confidence < $1.confidence }!
    }
    return kept
  }

  /// Reads prepared lines, each in pieces if long.
  func recognizePrepared(_ prepared: [Image]) throws -> [RecognizedText] {
    // Every line's pieces, in order, each with its first column in the line.
    let pieces: [[(offset: Int, image: Image)]] = prepared.map { line in
      let columns = line.readingPieces(maxWidth: splitsLongLines ? Self.longestPiece : .max)
      guard columns.count > 1 else { return [(0, line)] }
      return columns.map { columns in
        // Characters at a cut may have no blank beside them; a line's ends always have some.
        let piece = line.cropped(x: columns.lowerBound, y: 0, width: columns.count, height: line.height)
          .padded(horizontally: Self.pieceMargin)
        return (columns.lowerBound - Self.pieceMargin, piece)
      }
    }
    let readings = try read(pieces.flatMap { $0.map(\.image) })
    var results: [RecognizedText] = []
    var next = 0
    for (parts, line) in zip(pieces, prepared) {
      results.append(joined(parts.indices.map { (readings[next + $0], parts[$0].offset) }, input: line))
      next += parts.count
    }
    return results
  }

  /// The model's readings of prepared lines, batched by width. (A model whose encoder runs from
  /// each line's end, `encoderStartsAtLineEnds`, reads a line the same in any batch; in older
  /// ones the backward LSTM starts in the batch's padding, so a reading can differ slightly with
  /// the widths of its batch-mates.)
  func read(_ lines: [Image]) throws -> [Recognition] {
    let order = lines.indices.sorted { lines[$0].width < lines[$1].width }
    var results = [Recognition?](repeating: nil, count: lines.count)
    for start in stride(from: 0, to: order.count, by: batchSize) {
      let indices = Array(order[start..<min(start + batchSize, order.count)])
      let (tensor, widths) = try LineTensor.make(
        indices.map { lines[$0] }, trailingBlank: Self.trailingBlank, device: device)
      let decoded =
        beamWidth > 1
        ? try BeamSearchDecoder(model: model, width: beamWidth, temperature: temperature).decode(
          tensor, widths: widths)
        : try GreedyDecoder(model: model, temperature: temperature).decode(tensor, widths: widths)
      for (position, index) in indices.enumerated() { results[index] = decoded[position] }
    }
    return results.map { $0! }
  }

  /// One line's text from the readings of its pieces (left to right, each with its first
  /// column in `input`): characters joined, confidences multiplied, attention moved to the
  /// whole line's feature columns.
  func joined(_ parts: [(reading: Recognition, offset: Int)], input: Image) -> RecognizedText {
    let columns = CompactConfig.featureLength(width: input.width)
    var characters: [(character: String, probability: Float)] = []
    var attention: [[Float]] = []
    var confidence: Float = 1
    for (reading, offset) in parts {
      confidence *= reading.confidence
      for (id, probability) in zip(reading.ids, reading.probabilities) {
        characters.append((charset.characters[id], probability))
      }
      let shift = offset / CompactConfig.widthReduction
      for weights in reading.attention {
        var placed = [Float](repeating: 0, count: parts.count == 1 ? weights.count : columns)
        for (column, weight) in weights.enumerated() where (0..<placed.count).contains(shift + column) {
          placed[shift + column] = weight
        }
        attention.append(placed)
      }
    }
    return RecognizedText(
      text: characters.map(\.character).joined(), confidence: confidence, characters: characters,
      attention: attention, input: input)
  }
}

/// A model directory or input the recogniser cannot use.
public struct RecognizerError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
