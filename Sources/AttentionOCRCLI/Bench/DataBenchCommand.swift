// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import OCRCore
import OCRData
import TFRecord

/// Throughput of the input pipeline on one thread: read a record, parse the Example, decode
/// the PNG and bring the image to the model's input size.
struct DataBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "Measure read + decode + resize throughput of FSNS records on one thread.")

  @Option(help: "Records in each benchmark file.")
  var records: Int = 3000

  @Option(
    help: "Folder of labelled images to build the records from (default: Tests/Fixtures' generator samples).")
  var samples: String?

  @Option(help: "Dictionary for the labels (default: data/dic.txt).")
  var dictionary: String?

  func run() throws {
    let root = ProjectRoot.locate()
    let sampleFolder = samples ?? "\(root)/Tests/Fixtures/fsns-tfrecord-generate/d2"
    let charset = try Charset(contentsOf: dictionary ?? "\(root)/data/dic.txt")
    let base = try LabelledImage.scan(folder: sampleFolder).items
    guard !base.isEmpty else { throw ValidationError("\(sampleFolder): no labelled images") }
    let inputs = (0..<records).map { base[$0 % base.count] }
    let folder = NSTemporaryDirectory() + "attention-ocr-data-bench-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: folder) }

    print("data pipeline benchmark: \(records) records per format, one thread")
    for (name, layout, channels, fit) in [
      (
        "grey 32-px lines (fit to 32×512)", DatasetBuilder.Layout.line(height: 32, maxWidth: 1024), 1,
        (32, 512)
      ),
      ("upstream 600×150 RGB", DatasetBuilder.Layout.upstream, 3, (150, 600)),
    ] {
      var options = DatasetBuilder.Options()
      options.layout = layout
      options.validationFraction = 0
      options.recordsPerShard = records
      let directory = "\(folder)/\(channels)"
      _ = try DatasetBuilder(charset: charset, options: options).build(inputs, into: directory)
      let bytes =
        try FileManager.default.attributesOfItem(atPath: "\(directory)/train-00000-of-00001")[.size] as? Int
        ?? 0
      var best = Double.infinity
      for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        let reader = try FSNSReader(patterns: ["\(directory)/train-*"], options: .init(channels: channels))
        var count = 0
        var checksum = 0
        while let sample = try reader.next() {
          let (image, _) = sample.image.fitted(height: fit.0, width: fit.1)
          checksum &+= Int(image.pixels[image.pixels.count / 2])
          count += 1
        }
        precondition(count == records, "read \(count) of \(records) records")
        _ = checksum
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      }
      print(
        String(
          format: "  %@ %8.0f images/s  (%.1f MB file, %.0f µs/image)",
          name.padding(toLength: 34, withPad: " ", startingAt: 0) as NSString,
          Double(records) / best, Double(bytes) / 1e6, best / Double(records) * 1e6))
    }
  }
}
