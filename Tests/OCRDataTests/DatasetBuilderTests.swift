// SPDX-License-Identifier: Apache-2.0
import Foundation
import OCRCore
import OCRData
import PythonCheck
import TestScratch
import Testing

@Suite struct DatasetBuilderTests {
  let folder = Scratch.folder("ocrdata-tests")

  func readAll(_ pattern: String, channels: Int = 3) throws -> [FSNSSample] {
    let reader = try FSNSReader(patterns: [pattern], options: .init(channels: channels))
    var samples: [FSNSSample] = []
    while let sample = try reader.next() { samples.append(sample) }
    return samples
  }

  /// The 16 generator crops with the seed dictionary: everything written reads back identically.
  @Test func buildsTheGeneratorSamplesAndReadsThemBack() throws {
    let charset = try Charset(contentsOf: Fixtures.dictionary)
    let (inputs, problems) = try LabelledImage.scan(folder: Fixtures.generatorSamples)
    #expect(inputs.count == 16 && problems.isEmpty)
    var options = DatasetBuilder.Options()
    options.validationFraction = 0.25
    options.recordsPerShard = 5
    var progress: [Int] = []
    let summary = try DatasetBuilder(charset: charset, options: options).build(inputs, into: folder) {
      done, _ in
      progress.append(done)
    }
    #expect(progress == Array(1...16))
    #expect(summary.train == 12 && summary.validation == 4 && summary.skipped.isEmpty)
    #expect(summary.trainShards == ["train-00000-of-00003", "train-00001-of-00003", "train-00002-of-00003"])
    #expect(summary.lengthHistogram.values.reduce(0, +) == 16)

    let samples = try readAll("\(folder)/train-*") + readAll("\(folder)/validation-*")
    #expect(samples.count == 16)
    let encoder = LabelEncoder(charset: charset)
    let byText = Dictionary(grouping: inputs, by: \.text)
    for sample in samples {
      let input = try #require(byText[sample.text]?.first, "unexpected text \(sample.text)")
      let expected = try Image(contentsOf: input.imagePath).resized(width: 600, height: 150)
      #expect(sample.image == expected, "\(sample.text)")
      #expect(sample.classIDs.count == 37)
      #expect(encoder.decode(sample.classIDs) == sample.text)
      #expect(sample.classIDs.last == 5462 || sample.text.count == 37)
    }
    // The generator table in shared/data/README: 公民身份540527194009232.
    let first = try #require(samples.first { $0.text == "公民身份540527194009232" })
    #expect(Array(first.classIDs.prefix(4)) == [22, 181, 1337, 2217])
  }

  @Test func theSplitRepeatsForASeedAndChangesWithIt() throws {
    let charset = try Charset(contentsOf: Fixtures.dictionary)
    let inputs = try LabelledImage.scan(folder: Fixtures.generatorSamples).items
    func validationTexts(seed: UInt64, into name: String) throws -> Set<String> {
      var options = DatasetBuilder.Options()
      options.seed = seed
      options.validationFraction = 0.25
      options.layout = .line(height: 32, maxWidth: 800)
      _ = try DatasetBuilder(charset: charset, options: options).build(inputs, into: "\(folder)/\(name)")
      return Set(try readAll("\(folder)/\(name)/validation-*", channels: 1).map(\.text))
    }
    let a = try validationTexts(seed: 7, into: "a")
    #expect(a == (try validationTexts(seed: 7, into: "b")))
    #expect(a != (try validationTexts(seed: 8, into: "c")))
  }

  @Test func greyLineLayoutKeepsAspect() throws {
    let charset = try Charset(contentsOf: Fixtures.dictionary)
    let inputs = try LabelledImage.scan(folder: Fixtures.generatorSamples).items
    var options = DatasetBuilder.Options()
    options.layout = .line(height: 32, maxWidth: 1000)
    options.validationFraction = 0
    _ = try DatasetBuilder(charset: charset, options: options).build(inputs, into: folder)
    for sample in try readAll("\(folder)/train-*", channels: 1) {
      let input = try #require(inputs.first { $0.text == sample.text })
      let source = try Image(contentsOf: input.imagePath)
      #expect(sample.image.height == 32)
      let expectedWidth = Int((Double(source.width) * 32 / Double(source.height)).rounded())
      #expect(sample.image.width == expectedWidth)
    }
  }

  @Test func problemsAreReportedAndPoliciesApplied() throws {
    let charset = try Charset(contentsOf: Fixtures.dictionary)
    let good = "\(Fixtures.generatorSamples)/0a2f2b4e-ff14-11e7-9283-1c1b0d9fbd98.jpg"
    let broken = "\(folder)/broken.jpg"
    try Data([0xFF, 0xD8, 0xFF, 0x00]).write(to: URL(fileURLWithPath: broken))
    let tsv = "\(folder)/labels.tsv"
    try """
    \(good)\t宦乳
    \(good)\t宦乳?
    \(broken)\t宦乳
    missing.png\t宦乳
    \(good)\t\(String(repeating: "宦", count: 40))
    no tab here
    """.write(toFile: tsv, atomically: true, encoding: .utf8)
    let (inputs, problems) = try LabelledImage.read(tsv: tsv)
    #expect(inputs.count == 5 && problems.count == 1)
    var options = DatasetBuilder.Options()
    options.validationFraction = 0
    let summary = try DatasetBuilder(charset: charset, options: options).build(inputs, into: "\(folder)/out")
    #expect(summary.train == 1)
    #expect(summary.skipped.count == 4)
    #expect(summary.unknownCharacters == ["?": 1])
    #expect(summary.skipped.contains { $0.path == broken && $0.reason.contains("JPEG") })
    #expect(
      summary.skipped.contains { $0.path.hasSuffix("missing.png") && $0.reason.contains("no such file") })
    #expect(summary.skipped.contains { $0.reason.contains("more than the maximum 37") })

    options.unknownPolicy = .fail
    #expect(throws: DatasetError.self) {
      try DatasetBuilder(charset: charset, options: options).build(inputs, into: "\(folder)/strict")
    }
    #expect(throws: DatasetError.self) {
      try DatasetBuilder(charset: charset, options: .init()).build(inputs, into: "\(folder)/out")
    }
  }

  /// Code we did not write reads our records: TensorBoard's TFRecord reader (which checks both
  /// CRCs) and the tf.train.Example schema compiled in PyPI's tfrecord package.
  @Test func referencePythonToolsReadOurRecords() throws {
    let charset = try Charset(contentsOf: Fixtures.dictionary)
    let inputs = try LabelledImage.scan(folder: Fixtures.generatorSamples).items
    var options = DatasetBuilder.Options()
    options.validationFraction = 0
    _ = try DatasetBuilder(charset: charset, options: options).build(inputs, into: folder)
    let expected = inputs.map(\.text).sorted().joined(separator: "\n")
    let script = """
      import glob, sys
      from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import PyRecordReader_New
      from tensorboard.compat.tensorflow_stub import errors
      from tfrecord import example_pb2
      texts = []
      for path in sorted(glob.glob(sys.argv[1] + "/train-*")):
          reader = PyRecordReader_New(path.encode())
          while True:
              try:
                  reader.GetNext()
              except errors.OutOfRangeError:
                  break
              example = example_pb2.Example()
              example.ParseFromString(reader.record())
              f = example.features.feature
              text = f["image/text"].bytes_list.value[0].decode("utf-8")
              ids = list(f["image/class"].int64_list.value)
              unpadded = list(f["image/unpadded_class"].int64_list.value)
              assert len(ids) == 37 and ids[:len(unpadded)] == unpadded, ids
              assert all(i == 5462 for i in ids[len(unpadded):])
              assert len(unpadded) == len(text)
              assert f["image/format"].bytes_list.value[0] == b"PNG"
              assert f["image/encoded"].bytes_list.value[0][:4] == b"\\x89PNG"
              assert f["image/width"].int64_list.value[0] == 600
              texts.append(text)
      print("\\n".join(sorted(texts)))
      """
    let output = try PythonVenv.run(["-c", script, folder])
    #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
  }
}
