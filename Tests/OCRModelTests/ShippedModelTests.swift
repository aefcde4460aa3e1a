// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRData
import OCRModel
import Testing

/// The shipped models are found without a path, from the checkout this library was built in.
@Suite(.serialized) struct ShippedModelTests {
  static let root = CompactModelTests.root

  @Test func everyShippedModelIsInTheCheckout() {
    #expect(ShippedModel.folder == "\(Self.root)/models")
    for model in ShippedModel.allCases {
      #expect(FileManager.default.fileExists(atPath: "\(model.directory)/checkpoint.json"), "\(model)")
    }
  }

  /// `Recognizer(shipped:)` opens the named model: only `compactPunct` writes the colon.
  @Test func aRecognizerOpensAShippedModelByName() throws {
    let line = try Image(contentsOf: "\(Self.root)/samples/punctuated/000013.png")
    #expect(try Recognizer(shipped: .compactPunct).recognize(line).text == "卡号：G-91968")
    #expect(try Recognizer(shipped: .compact).recognize(line).text.contains("：") == false)
  }

  /// `ATTENTION_OCR_MODELS` moves the folder, for a program run away from its checkout.
  @Test func theEnvironmentCanNameAnotherFolder() {
    setenv(ShippedModel.environmentKey, "/opt/ocr-models", 1)
    defer { unsetenv(ShippedModel.environmentKey) }
    #expect(ShippedModel.compactPunct.directory == "/opt/ocr-models/compact-punct")
  }
}
