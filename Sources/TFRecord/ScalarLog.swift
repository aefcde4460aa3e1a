// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The scalars of a TensorBoard log folder, by tag, read back from its event files.
public struct ScalarLog: Sendable {
  /// Points of each tag, sorted by step.
  public let series: [String: [(step: Int, value: Double)]]

  /// Reads every `events.out.tfevents.*` file in `logDirectory`. A run resumed from a
  /// checkpoint logs some steps twice; the later event (by wall time) wins.
  public init(logDirectory: String) throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: logDirectory)
      .filter { $0.hasPrefix("events.out.tfevents.") }.sorted()
    guard !names.isEmpty else {
      throw TFRecordError(.noMatchingFiles, path: logDirectory, offset: 0, "no event files")
    }
    var latest: [String: [Int: (time: Double, value: Double)]] = [:]
    for name in names {
      let path = "\(logDirectory)/\(name)"
      let reader = try TFRecordReader(path: path)
      while let record = try reader.nextRecord() {
        let event: Tensorflow_Event
        do {
          event = try Tensorflow_Event(serializedBytes: record.data)
        } catch {
          throw TFRecordError(.corruptData, path: path, offset: record.offset, "not an Event: \(error)")
        }
        for entry in event.summary.value {
          guard case .simpleValue(let number) = entry.value else { continue }
          let step = Int(event.step)
          if let seen = latest[entry.tag]?[step], seen.time > event.wallTime { continue }
          latest[entry.tag, default: [:]][step] = (event.wallTime, Double(number))
        }
      }
    }
    series = latest.mapValues { points in points.sorted { $0.key < $1.key }.map { ($0.key, $0.value.value) } }
  }
}
