// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import OCRCore
import OCRData
import SyntheticData
import Torch

/// Renders synthetic Chinese text lines: as FSNS TFRecords, a preview sheet, or a report of
/// how often each dictionary character occurs in the generated text.
struct SynthCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "synth",
    abstract: "Render synthetic text lines from the installed CJK fonts.",
    discussion: """
      Examples:
        attention-ocr synth --count 100000 --out data/synth --levels 2
        attention-ocr synth --preview sheet.png
        attention-ocr synth --coverage 1000000
        attention-ocr synth --list-fonts --fonts ~/my-fonts
      Curriculum levels run from 0 (clean print) to 3 (rotated, sheared, blurred, noisy, JPEG-
      damaged, on textured backgrounds). --levels mixes several, each sample taking one in turn.
      """)

  @Option(help: "Number of lines to write with --out.")
  var count: Int = 10_000

  @Option(help: "Output folder for FSNS TFRecord shards (grey PNG lines).")
  var out: String?

  @Option(help: "Output folder for labelled images: NNNNNN.png with its text in NNNNNN.txt.")
  var images: String?

  @Flag(
    help: ArgumentHelp(
      "With --images, also write NNNNNN.json: the line's level, text source, faces and every augmentation it got.",
      discussion: "For finding which augmentations a model misreads: join it with eval --predictions."))
  var withStyles = false

  @Flag(help: "Draw only with the fonts and phrases training holds out for validation.")
  var heldOut = false

  @Flag(help: "Draw vertical lines (top to bottom, --height wide) with the same texts and styles.")
  var vertical = false

  @Flag(
    help: ArgumentHelp(
      "Draw the fields of ID cards (a label and an ID number, a name, or pieces of them) small, faded and JPEG-compressed.",
      discussion:
        "Like the ID-card crops of FSNS-tfrecord-generate's data/d2, one style for every line: --levels does not apply."
    ))
  var idCards = false

  @Option(
    help: ArgumentHelp(
      "Share of lines shaded by uneven light: a shadow's soft edge across the line, or light falling off to one end.",
      discussion:
        "Drawn after everything else, so with the same seed the lines are those drawn without it, shaded. Training draws none: the recognizer evens out the lighting before it reads."
    ))
  var shaded: Double = 0

  @Option(
    help: ArgumentHelp(
      "Turn every finished line by this many degrees, one way or the other at random, as a photo taken askew.",
      discussion:
        "With the same seed the lines are those drawn without it, turned (before any --shaded light)."
    ))
  var turned: Double = 0

  @Option(
    help: ArgumentHelp(
      "Share of lines repainted in two colours of the same brightness (ink and ground), written in RGB.",
      discussion:
        "For --images only. With the same seed the lines are those drawn without it (turned first, shaded after), in colour."
    ))
  var coloured: Double = 0

  @Option(help: "Write a contact sheet of samples per curriculum level to this PNG.")
  var preview: String?

  @Option(help: "Count dictionary characters over this many generated texts and report the rarest.")
  var coverage: Int?

  @Option(help: "Curriculum levels to draw from, comma-separated (0 clean … 3 hard).")
  var levels: String = "0,1,2,3"

  @Option(help: "Random seed; the same seed gives the same lines on any number of threads.")
  var seed: UInt64 = 1

  @Option(help: "Line height in pixels.")
  var height: Int = 32

  @Option(help: "Widest line in pixels.")
  var maxWidth: Int = 1024

  @Option(help: "Longest text in characters.")
  var maxLength: Int = 25

  @Option(help: "Rendering threads (default: all cores).")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Dictionary (default: data/dic.txt).")
  var dictionary: String?

  @Option(help: "Records per shard.")
  var shardSize: Int = 10_000

  @Flag(help: "Replace shards already in the --out folder.")
  var overwrite = false

  @Flag(
    help:
      "List the faces lines are drawn from, with their role (training or validation), file and face number.")
  var listFonts = false

  @OptionGroup var fontOptions: FontOptions

  func validate() throws {
    guard out != nil || images != nil || preview != nil || coverage != nil || listFonts else {
      throw ValidationError("give --out, --images, --preview, --coverage or --list-fonts")
    }
    if withStyles && images == nil { throw ValidationError("--with-styles describes the lines of --images") }
    guard !parsedLevels.isEmpty, parsedLevels.allSatisfy(AugmentationPolicy.levels.contains) else {
      throw ValidationError("--levels takes numbers 0…3, e.g. 0,1,2")
    }
    guard (0...1).contains(shaded) else { throw ValidationError("--shaded is a share of lines, 0…1") }
    guard (0...1).contains(coloured) else { throw ValidationError("--coloured is a share of lines, 0…1") }
    if coloured > 0 && (out != nil || preview != nil) {
      throw ValidationError("--coloured draws RGB lines for --images; records and previews are grey")
    }
    guard abs(turned) <= 45 else { throw ValidationError("--turned takes up to 45 degrees") }
    guard count > 0, height >= 8, maxWidth >= height, maxLength >= 1, threads >= 1 else {
      throw ValidationError("counts and sizes must be positive (height at least 8)")
    }
  }

  var parsedLevels: [Int] {
    levels.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
  }

  func run() throws {
    let root = ProjectRoot.locate()
    let charset = try Charset(contentsOf: dictionary ?? "\(root)/data/dic.txt")
    let phrases = try PhraseList(contentsOf: PhraseList.locate(projectRoot: root), charset: charset)
    let sampler = TextSampler(
      charset: charset, phrases: heldOut ? HeldOutSplit.phrases(phrases).validation : phrases,
      maximumLength: maxLength, weights: idCards ? [.idCardFields: 1] : TextSampler.defaultWeights)
    if let coverage { try reportCoverage(sampler: sampler, samples: coverage) }
    let drawsLines = out != nil || images != nil || preview != nil
    guard drawsLines || listFonts else { return }
    let fonts = try fontOptions.library(charset: charset)
    print(
      "fonts: \(fonts.fonts.count) faces, \(fonts.latinFonts.count) Latin faces; \(phrases.phrases.count) phrases"
    )
    if !fonts.uncovered.isEmpty { warn("\(fonts.uncovered.count) dictionary characters have no font") }
    if listFonts { printFontList(fonts) }
    guard drawsLines else { return }
    var options = SyntheticLineGenerator.Options()
    options.height = height
    options.maxWidth = maxWidth
    options.seed = seed
    options.vertical = vertical
    options.shadedShare = shaded
    options.turn = turned
    options.colouredShare = coloured
    if idCards { options.policy = .idCardFields }
    if heldOut {
      options.fontIndices = HeldOutSplit.fonts(in: fonts).validation
      options.latinFontIndices = HeldOutSplit.latinFonts(in: fonts).validation
    }
    let generator = try SyntheticLineGenerator(fonts: fonts, sampler: sampler, options: options)
    if let preview {
      // ID-card fields are drawn alike at every level: one sheet of them.
      try PreviewSheet.make(
        generator: generator, levels: idCards ? [0] : parsedLevels, samplesPerLevel: idCards ? 12 : 6
      ).write(to: preview)
      print("preview: \(preview)")
    }
    if let out { try writeRecords(generator: generator, charset: charset, to: out) }
    if let images { try writeImages(generator: generator, to: images) }
  }

  /// Labelled images in the layout `make-dataset` and `eval --images` read.
  func writeImages(generator: SyntheticLineGenerator, to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let levelList = parsedLevels
    let renderer = try SyntheticBatchRenderer(generator: generator, threads: threads)
    for (index, sample) in try renderer.render(0..<count, level: { levelList[$0 % levelList.count] })
      .enumerated()
    {
      let name = String(format: "%06d", index)
      try sample.image.write(to: "\(folder)/\(name).png")
      try AtomicFile.write(Array(sample.text.utf8), to: "\(folder)/\(name).txt")
      if withStyles {
        try AtomicFile.write(
          LineDescription(sample, fonts: generator.fonts).json(), to: "\(folder)/\(name).json")
      }
    }
    print("\(count) labelled lines → \(folder)")
  }

  func writeRecords(generator: SyntheticLineGenerator, charset: Charset, to folder: String) throws {
    let renderer = try SyntheticBatchRenderer(generator: generator, threads: threads)
    let levelList = parsedLevels
    let encoder = LabelEncoder(charset: charset, maximumLength: maxLength)
    try ShardWriter.prepare(directory: folder, overwrite: overwrite)
    var writer = ShardWriter(directory: folder, prefix: "train", recordsPerShard: shardSize)
    var bar = ProgressBar(total: count)
    let start = Date()
    var done = 0
    while done < count {
      let batch = min(512, count - done)
      for sample in try renderer.render(done..<(done + batch), level: { levelList[$0 % levelList.count] }) {
        let png = try sample.image.pngData()
        let example = FSNSExample(
          encodedImage: png, encoding: .png, width: sample.image.width, originalWidth: sample.image.width,
          height: sample.image.height, classIDs: encoder.padded(sample.ids), unpaddedClassIDs: sample.ids,
          text: sample.text)
        try writer.write(example.serialized())
      }
      done += batch
      bar.update(done)
    }
    bar.finish()
    let shards = try writer.finish()
    let seconds = Date().timeIntervalSince(start)
    print(
      String(
        format: "%d lines in %d shard(s) → %@ (%.0f lines/s on %d threads)", count, shards.count, folder,
        Double(count) / seconds, renderer.threads))
  }

  func reportCoverage(sampler: TextSampler, samples: Int) throws {
    var counts = [Int](repeating: 0, count: sampler.charset.count)
    var generator = SplitMix64(seed: seed)
    var total = 0
    for _ in 0..<samples {
      for id in sampler.sample(using: &generator).ids {
        counts[id] += 1
        total += 1
      }
    }
    let real = counts.enumerated().filter { $0.offset != sampler.charset.nullID }.sorted {
      $0.element < $1.element
    }
    let floor = TextSampler.coverageFloor(samples: samples)
    print("coverage over \(samples) texts (\(total) characters, \(real.count) dictionary characters):")
    print(
      "  rarest: "
        + real.prefix(10).map { "\(sampler.charset.characters[$0.offset])×\($0.element)" }.joined(
          separator: " "))
    print("  min \(real.first!.element), median \(real[real.count / 2].element), max \(real.last!.element)")
    let below = real.filter { $0.element < floor }.count
    print("  floor \(floor) (100 per million texts): \(below) characters below it")
  }
}
