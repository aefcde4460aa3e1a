// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import OCRCore
import OCRData

/// Builds FSNS TFRecords from labelled images, like upstream's FSNS-tfrecord-generate.
struct MakeDatasetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "make-dataset",
    abstract: "Turn labelled line images into sharded FSNS TFRecords.",
    discussion: """
      INPUT is a folder of images (jpg, png) each with a same-named .txt label, or a TSV file of
      'image path<TAB>text' lines (relative paths are taken from the TSV's folder). The output
      folder receives train-NNNNN-of-NNNNN and validation-… shards and dataset-summary.json.
      """)

  @Argument(help: "A folder of images with .txt labels, or a .tsv file.")
  var input: String

  @Option(name: .shortAndLong, help: "Output folder.")
  var output: String

  @Option(help: "Dictionary file (code<TAB>char lines, <nul> for the null class).")
  var dictionary: String

  @Flag(
    help:
      "The dictionary lacks <nul>: add the null class as the next code (FSNS-tfrecord-generate's dic.txt).")
  var implicitNull = false

  @Option(
    help:
      "Image layout: 'upstream' (600×150 RGB, stretched, as the seed did) or 'line' (grey, fixed height, aspect kept)."
  )
  var layout: LayoutChoice = .upstream

  @Option(help: "Line height in pixels for --layout line.")
  var height: Int = 32

  @Option(help: "Widest line in pixels for --layout line (wider lines are squeezed).")
  var maxWidth: Int = 1024

  @Option(help: "Image encoding in the records: png, jpeg or raw (raw: upstream layout only).")
  var encoding: EncodingChoice = .png

  @Option(help: "Longest label in characters; longer ones follow --unknown's skip/fail rule.")
  var maxLength: Int = 37

  @Option(help: "Labels with characters outside the dictionary: skip (the sample) or fail (the build).")
  var unknown: UnknownChoice = .skip

  @Option(help: "Fraction of samples for the validation split.")
  var validationFraction: Double = 0.1

  @Option(help: "Seed of the train/validation split.")
  var seed: UInt64 = 1

  @Option(help: "Records per shard.")
  var shardSize: Int = 10_000

  @Flag(help: "Replace shards already in the output folder.")
  var overwrite = false

  enum LayoutChoice: String, ExpressibleByArgument, CaseIterable { case upstream, line }
  enum EncodingChoice: String, ExpressibleByArgument, CaseIterable { case png, jpeg, raw }
  enum UnknownChoice: String, ExpressibleByArgument, CaseIterable { case skip, fail }

  func validate() throws {
    if encoding == .raw && layout == .line {
      throw ValidationError("--encoding raw needs --layout upstream (raw images carry no size)")
    }
    guard (0...1).contains(validationFraction) else {
      throw ValidationError("--validation-fraction must be in [0, 1]")
    }
    guard height > 0, maxWidth > 0, maxLength > 0, shardSize > 0 else {
      throw ValidationError("sizes and counts must be positive")
    }
  }

  func run() throws {
    let charset = try Charset(contentsOf: dictionary, implicitNull: implicitNull)
    let (inputs, problems) =
      input.lowercased().hasSuffix(".tsv")
      ? try LabelledImage.read(tsv: input) : try LabelledImage.scan(folder: input)
    for problem in problems.prefix(20) { warn("\(problem.path): \(problem.reason)") }
    guard !inputs.isEmpty else { throw ValidationError("\(input): no labelled images found") }
    var options = DatasetBuilder.Options()
    options.layout = layout == .upstream ? .upstream : .line(height: height, maxWidth: maxWidth)
    options.encoding = [.png: .png, .jpeg: .jpeg, .raw: .raw][encoding]!
    options.maximumLength = maxLength
    options.unknownPolicy = unknown == .skip ? .skipSample : .fail
    options.validationFraction = validationFraction
    options.seed = seed
    options.recordsPerShard = shardSize
    options.overwrite = overwrite
    print("\(inputs.count) labelled images, dictionary of \(charset.count) classes → \(output)")
    var bar = ProgressBar(total: inputs.count)
    let summary = try DatasetBuilder(charset: charset, options: options).build(inputs, into: output) {
      done, _ in
      bar.update(done)
    }
    bar.finish()
    print(summary)
    if !problems.isEmpty { print("\(problems.count) input problem(s) before building (listed above)") }
  }
}

func warn(_ message: String) {
  FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
}
