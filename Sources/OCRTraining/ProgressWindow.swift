// SPDX-License-Identifier: Apache-2.0
import Foundation
import TFRecord

/// Loss and throughput since the last progress line.
struct ProgressWindow {
  private var start = Date()
  private var lines = 0
  private var steps = 0
  private var lossSum = 0.0

  mutating func add(lines count: Int, loss: Double) {
    lines += count
    steps += 1
    lossSum += loss
  }

  /// Prints the progress line, logs its scalars and starts a new window.
  mutating func report(
    step: Int, totalSteps: Int, batchSize: Int, learningRate: Double, logs: SummaryWriter,
    log: (String) -> Void
  ) throws {
    let rate = Double(lines) / max(Date().timeIntervalSince(start), 1e-9)
    let eta = Double(totalSteps - step) * Double(batchSize) / max(rate, 1e-9)
    let meanLoss = lossSum / Double(max(1, steps))
    log(
      String(
        format: "step %7d  loss %.4f  lr %.2e  %.0f lines/s  ETA %@", step, meanLoss, learningRate, rate,
        Self.format(eta)))
    try logs.scalar("train/loss", meanLoss, step: step)
    try logs.scalar("train/learning_rate", learningRate, step: step)
    try logs.scalar("train/lines_per_second", rate, step: step)
    self = ProgressWindow()
  }

  static func format(_ seconds: Double) -> String {
    let s = Int(min(seconds, 1e9))
    return s >= 3600
      ? "\(s / 3600)h\(String(format: "%02d", s % 3600 / 60))m"
      : "\(s / 60)m\(String(format: "%02d", s % 60))s"
  }
}
