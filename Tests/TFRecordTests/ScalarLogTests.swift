// SPDX-License-Identifier: Apache-2.0
import Foundation
import TFRecord
import TestScratch
import Testing

@Suite struct ScalarLogTests {
  /// A resumed run writes a second event file that repeats some steps: the newer values win,
  /// and images or text in the same files are passed over.
  @Test func readsScalarsBackAcrossResumedRuns() throws {
    let folder = Scratch.folder("tfrecord-tests")
    let first = try SummaryWriter(logDirectory: folder)
    for step in [10, 20, 30] { try first.scalar("train/loss", Double(step), step: step) }
    try first.text("notes", "not a scalar", step: 10)
    try first.close()
    Thread.sleep(forTimeInterval: 0.01)
    let second = try SummaryWriter(logDirectory: folder)
    for step in [30, 40] { try second.scalar("train/loss", -Double(step), step: step) }
    try second.scalar("validation/accuracy", 0.5, step: 40)
    try second.close()

    let log = try ScalarLog(logDirectory: folder)
    #expect(Set(log.series.keys) == ["train/loss", "validation/accuracy"])
    let loss = try #require(log.series["train/loss"])
    #expect(loss.map(\.step) == [10, 20, 30, 40])
    #expect(loss.map(\.value) == [10, 20, -30, -40])
    #expect(log.series["validation/accuracy"]?.first?.value == 0.5)
  }

  @Test func aFolderWithoutEventsIsNamed() throws {
    let folder = Scratch.folder("tfrecord-tests")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    #expect { try ScalarLog(logDirectory: folder) } throws: { "\($0)".contains(folder) }
  }
}
