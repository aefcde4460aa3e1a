// SPDX-License-Identifier: Apache-2.0
import Foundation
import SwiftProtobuf

/// Writes TensorBoard event files (`events.out.tfevents.<seconds>.<host>`): scalars, images,
/// text and histograms, readable by `tensorboard --logdir`.
///
/// Events are TFRecord-framed `Event` protos. They are buffered and flushed every
/// `flushInterval` seconds (checked on each write) and on `flush()`/`close()`, so a killed
/// process loses at most the events since the last flush.
public final class SummaryWriter {
  public let path: String
  private let records: TFRecordWriter
  private let flushInterval: TimeInterval
  private var lastFlush = Date()

  public init(logDirectory: String, flushInterval: TimeInterval = 10) throws {
    try FileManager.default.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
    let seconds = Int(Date().timeIntervalSince1970)
    let host = ProcessInfo.processInfo.hostName
    var name = "events.out.tfevents.\(seconds).\(host)"
    // Two writers started in the same second must not share a file.
    var suffix = 1
    while FileManager.default.fileExists(atPath: "\(logDirectory)/\(name)") {
      name = "events.out.tfevents.\(seconds).\(host).\(suffix)"
      suffix += 1
    }
    path = "\(logDirectory)/\(name)"
    records = try TFRecordWriter(path: path)
    self.flushInterval = flushInterval
    var header = Tensorflow_Event()
    header.wallTime = Date().timeIntervalSince1970
    header.fileVersion = "brain.Event:2"
    try write(header)
    try flush()
  }

  public func scalar(_ tag: String, _ value: Double, step: Int) throws {
    var entry = Tensorflow_Summary.Value()
    entry.tag = tag
    entry.simpleValue = Float(value)
    try write(entry, step: step)
  }

  /// An image already encoded as PNG (or JPEG); `channels` is 1 (grey), 3 (RGB) or 4 (RGBA).
  public func image(_ tag: String, encoded: [UInt8], width: Int, height: Int, channels: Int, step: Int) throws
  {
    var image = Tensorflow_Summary.Image()
    image.width = Int32(width)
    image.height = Int32(height)
    image.colorspace = Int32(channels)
    image.encodedImageString = Data(encoded)
    var entry = Tensorflow_Summary.Value()
    entry.tag = tag
    entry.image = image
    try write(entry, step: step)
  }

  /// Text (Markdown) shown in TensorBoard's Text tab.
  public func text(_ tag: String, _ text: String, step: Int) throws {
    var tensor = Tensorflow_TensorProto()
    tensor.dtype = .dtString
    tensor.tensorShape = Tensorflow_TensorShapeProto()
    tensor.stringVal = [Data(text.utf8)]
    var entry = Tensorflow_Summary.Value()
    entry.tag = tag
    entry.metadata.pluginData.pluginName = "text"
    entry.tensor = tensor
    try write(entry, step: step)
  }

  /// A histogram of `values` over `bins` equal-width buckets between their minimum and maximum.
  public func histogram(_ tag: String, values: [Double], step: Int, bins: Int = 30) throws {
    let finite = values.filter(\.isFinite)
    var histogram = Tensorflow_HistogramProto()
    if let low = finite.min(), let high = finite.max() {
      let width = high > low ? (high - low) / Double(bins) : 1
      var counts = [Double](repeating: 0, count: bins)
      for value in finite { counts[min(bins - 1, Int((value - low) / width))] += 1 }
      histogram.min = low
      histogram.max = high
      histogram.num = Double(finite.count)
      histogram.sum = finite.reduce(0, +)
      histogram.sumSquares = finite.reduce(0) { $0 + $1 * $1 }
      histogram.bucketLimit = (1...bins).map { low + Double($0) * width }
      histogram.bucket = counts
    }
    var entry = Tensorflow_Summary.Value()
    entry.tag = tag
    entry.histo = histogram
    try write(entry, step: step)
  }

  /// Hands buffered events to the operating system.
  public func flush() throws {
    try records.flush()
    lastFlush = Date()
  }

  public func close() throws { try records.close() }

  private func write(_ value: Tensorflow_Summary.Value, step: Int) throws {
    var event = Tensorflow_Event()
    event.wallTime = Date().timeIntervalSince1970
    event.step = Int64(step)
    event.summary.value = [value]
    try write(event)
  }

  private func write(_ event: Tensorflow_Event) throws {
    try records.write([UInt8](try event.serializedData()))
    if Date().timeIntervalSince(lastFlush) >= flushInterval { try flush() }
  }
}
