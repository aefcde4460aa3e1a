// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import OCRData
import TFRecord
import TestScratch
import Testing

@Suite struct FSNSReaderTests {
  /// Google's real FSNS test file, read with the FSNS charset, as upstream reads it.
  @Test func readsGooglesFSNSTestRecords() throws {
    let charset = try Charset(contentsOf: Fixtures.fsnsCharset, allowAliases: true)
    let encoder = LabelEncoder(charset: charset, maximumLength: 37)
    let reader = try FSNSReader(patterns: [Fixtures.fsnsRecords])
    var texts: [String] = []
    while let sample = try reader.next() {
      #expect((sample.image.width, sample.image.height, sample.image.channels) == (600, 150, 3))
      #expect(sample.classIDs.count == 37)
      #expect(encoder.decode(sample.classIDs) == sample.text)
      #expect(sample.classIDs.suffix(37 - sample.text.count).allSatisfy { $0 == 133 })
      texts.append(sample.text)
    }
    #expect(
      texts == [
        "Rue Perreyon", "Rue de la Taillée", "Impasse des Colverts", "Avenue de Saunier", "Rue des Fabriques",
      ])
  }

  @Test func firstRecordMatchesTheUpstreamSpec() throws {
    let record = try #require(try TFRecordReader(path: Fixtures.fsnsRecords).nextRecord())
    let example = try FSNSExample(serialized: record.data)
    #expect(example.unpaddedClassIDs == [49, 11, 5, 0, 47, 5, 21, 21, 5, 33, 12, 7])
    #expect(example.encoding == .png)
    #expect(example.width == 600 && example.originalWidth == 600 && example.height == 150)
    #expect(example.encodedImage.count == 128_843)
  }

  @Test func rawImagesOfTheWrongSizeAreNamedErrors() throws {
    let folder = Scratch.folder("ocrdata-tests")
    let path = "\(folder)/raw.tfrecord"
    let writer = try TFRecordWriter(path: path)
    let example = FSNSExample(
      encodedImage: [UInt8](repeating: 7, count: 100), encoding: .raw, width: 600, originalWidth: 600,
      height: nil,
      classIDs: [1, 2], unpaddedClassIDs: [1, 2], text: "ab")
    try writer.write(example.serialized())
    try writer.write(Array("not a proto at all".utf8))
    try writer.close()
    do {
      _ = try FSNSReader(patterns: [path]).next()
      Issue.record("a short raw image must fail")
    } catch let error as FSNSReadError {
      #expect(error.path == path && error.offset == 0)
      #expect(error.reason.contains("needs 270000"))
    }
    let skipping = try FSNSReader(patterns: [path], options: .init(skipCorrupt: true))
    #expect(try skipping.next() == nil)
    #expect(skipping.skipped == 2)
  }
}
