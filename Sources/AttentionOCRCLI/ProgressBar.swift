// SPDX-License-Identifier: Apache-2.0
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A one-line progress bar on standard error, redrawn at most ten times a second; plain
/// occasional lines when standard error is not a terminal (logs, CI).
struct ProgressBar {
  let total: Int
  private let start = Date()
  private var lastDraw = Date.distantPast
  private let interactive = isatty(STDERR_FILENO) != 0
  private var lastReportedTenth = -1

  init(total: Int) { self.total = max(total, 1) }

  mutating func update(_ done: Int) {
    let now = Date()
    if interactive {
      guard now.timeIntervalSince(lastDraw) >= 0.1 || done == total else { return }
      lastDraw = now
      let width = 30
      let filled = width * done / total
      let elapsed = now.timeIntervalSince(start)
      let rate = Double(done) / max(elapsed, 1e-9)
      let eta = rate > 0 ? Double(total - done) / rate : 0
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
      let line = String(format: "\r%@ %d/%d  %.0f/s  ETA %.0fs ", bar, done, total, rate, eta)
      FileHandle.standardError.write(Data(line.utf8))
    } else {
      let tenth = done * 10 / total
      guard tenth != lastReportedTenth else { return }
      lastReportedTenth = tenth
      FileHandle.standardError.write(Data("progress: \(done)/\(total)\n".utf8))
    }
  }

  func finish() {
    if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
  }
}
