// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRCore
import OCRData
import OCRModel
import TestScratch
import Testing
import Torch

@Suite struct TemperatureScalingTests {
  /// Targets drawn from softmax(logits / T): the fit finds T again.
  @Test(arguments: [0.5, 1.0, 2.5])
  func theFitRecoversTheTemperatureTheTargetsWereDrawnWith(_ temperature: Double) throws {
    var generator = SplitMix64(seed: 42)
    let rows = 4000, classes = 8
    var logits: [Float] = []
    var targets: [Int64] = []
    for _ in 0..<rows {
      let row = (0..<classes).map { _ in Float.random(in: -3...3, using: &generator) }
      let weights = row.map { exp(Double($0) / temperature) }
      var pick = Double.random(in: 0..<weights.reduce(0, +), using: &generator)
      let target =
        weights.firstIndex {
          pick -= $0; return pick < 0
        } ?? classes - 1
      logits += row
      targets.append(Int64(target))
    }
    let fitted = try TemperatureScaling.fit(
      logits: Tensor(logits, shape: [rows, classes]), targets: Tensor(targets))
    #expect(abs(fitted / temperature - 1) < 0.1, "fitted \(fitted) for \(temperature)")
  }

  @Test func theRecognizerReadsItsTemperatureAndRefusesANonsenseOne() throws {
    let charset = Charset(characters: ["a", "b", "c"])
    let model = try CompactModel(config: tinyConfig(classes: charset.count, nullID: charset.nullID))
    let folder = Scratch.path("temperature-tests")
    for (saved, expected) in [("0.5", 0.5), ("-1", nil), ("warm", nil)] as [(String, Double?)] {
      try Checkpoint.save(
        module: model, step: 0,
        config: ModelOnlyConfig(model: model.config, charsetFingerprint: charset.fingerprint),
        extra: [Recognizer.temperatureKey: saved], files: ["dictionary.txt": charset.fileContents()],
        to: folder)
      if let expected {
        #expect(try Recognizer(modelDirectory: folder).temperature == expected)
      } else {
        let error = #expect(throws: RecognizerError.self) { try Recognizer(modelDirectory: folder) }
        #expect(error?.description.contains("\(folder)/checkpoint.json") == true)
      }
    }
    #expect(try Recognizer(modelDirectory: saveModelDirectory(model, charset: charset)).temperature == 1)
  }

  @Test func theRecognizerReadsItsLineCalibrationAndRefusesANonsenseOne() throws {
    let charset = Charset(characters: ["a", "b", "c"])
    let model = try CompactModel(config: tinyConfig(classes: charset.count, nullID: charset.nullID))
    let folder = Scratch.path("line-calibration-tests")
    let shift = Recognizer.lineShiftKey, scale = Recognizer.lineScaleKey
    let cases: [([String: String], LineConfidenceCalibration?, String?)] = [
      ([shift: "0.75", scale: "1.3"], LineConfidenceCalibration(shift: 0.75, scale: 1.3), nil),
      ([:], .identity, nil),
      ([shift: "0.75"], nil, "without the other"),
      ([shift: "0.75", scale: "-2"], nil, "not a positive number"),
      ([shift: "left", scale: "1"], nil, "not a number"),
    ]
    for (extra, expected, complaint) in cases {
      try Checkpoint.save(
        module: model, step: 0,
        config: ModelOnlyConfig(model: model.config, charsetFingerprint: charset.fingerprint),
        extra: extra, files: ["dictionary.txt": charset.fileContents()], to: folder)
      if let expected {
        #expect(try Recognizer(modelDirectory: folder).lineCalibration == expected)
      } else {
        let error = #expect(throws: RecognizerError.self) { try Recognizer(modelDirectory: folder) }
        #expect(error?.description.contains("\(folder)/checkpoint.json") == true)
        #expect(
          error?.description.contains(complaint ?? "") == true, "\(error.map(String.init(describing:)) ?? "")"
        )
      }
    }
  }
}
