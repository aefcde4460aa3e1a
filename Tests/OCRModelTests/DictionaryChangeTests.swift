// SPDX-License-Identifier: Apache-2.0
import NN
import OCRCore
import OCRModel
import Testing
import Torch

/// Moving a trained model's class rows to a dictionary that extends its own.
@Suite struct DictionaryChangeTests {
  /// Rows `row` of a 1- or 2-D tensor.
  func row(_ tensor: Tensor, _ row: Int) throws -> [Float] {
    try tensor.slice(dim: 0, row, row + 1).contiguous().toArray(of: Float.self)
  }

  @Test func rowsFollowTheirCharacters() throws {
    let old = try Charset(parsing: "0\ta\n1\tb\n2\t<nul>\n3\tc\n")
    // Reordered, the null class elsewhere, and one new class.
    let new = try Charset(parsing: "0\tc\n1\t:\n2\tb\n3\ta\n4\t<nul>\n")
    let trained = try CompactModel(config: tinyConfig(classes: old.count, nullID: old.nullID))
    let model = try CompactModel(config: tinyConfig(classes: new.count, nullID: new.nullID))
    try model.loadWeights(trained.stateDict(), trainedWith: old, into: new)
    let before = trained.stateDict(), after = model.stateDict()
    for name in ["decoder.classifier.weight", "decoder.classifier.bias", "decoder.embedding.weight"] {
      let (from, to) = (try #require(before[name]), try #require(after[name]))
      for (character, newID) in [("a", 3), ("b", 2), ("c", 0)] {
        #expect(try row(to, newID) == row(from, try #require(old.ids[character])), "\(name) \(character)")
      }
      #expect(try row(to, new.nullID) == row(from, old.nullID), "\(name) null")
    }
    let embedding = (
      try #require(before["decoder.embedding.weight"]), try #require(after["decoder.embedding.weight"])
    )
    #expect(try row(embedding.1, new.count) == row(embedding.0, old.count), "start token")
    let oldBias = try #require(before["decoder.classifier.bias"]).toArray(of: Float.self)
    #expect(try row(try #require(after["decoder.classifier.bias"]), 1) == [oldBias.min()!])
    let encoder = (try #require(before["encoder.weight_ih_l0"]), try #require(after["encoder.weight_ih_l0"]))
    #expect(try encoder.0.toArray(of: Float.self) == encoder.1.toArray(of: Float.self))
  }

  @Test func aDictionaryThatDropsACharacterIsRefused() throws {
    let old = try Charset(parsing: "0\ta\n1\tb\n2\t<nul>\n")
    let new = try Charset(parsing: "0\ta\n1\t:\n2\t<nul>\n")
    let trained = try CompactModel(config: tinyConfig(classes: old.count, nullID: old.nullID))
    let model = try CompactModel(config: tinyConfig(classes: new.count, nullID: new.nullID))
    #expect {
      try model.loadWeights(trained.stateDict(), trainedWith: old, into: new)
    } throws: { "\($0)".contains("lacks 1 of the model's characters (b)") }
  }
}
