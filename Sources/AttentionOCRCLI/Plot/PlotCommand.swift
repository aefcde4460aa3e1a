// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import TFRecord

/// Draws a training run's loss and validation accuracy from its TensorBoard logs into a PNG.
struct PlotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plot",
    abstract: "Plot a run's training loss and validation accuracy from its logs as a PNG.")

  @Option(name: .customLong("run"), help: "Run folder (its logs/ are read) or a log folder.")
  var runFolder: String

  @Option(name: .shortAndLong, help: "PNG to write.")
  var output: String

  func run() throws {
    let logs = FileManager.default.fileExists(atPath: "\(runFolder)/logs") ? "\(runFolder)/logs" : runFolder
    let log = try ScalarLog(logDirectory: logs)
    guard let loss = log.series["train/loss"], !loss.isEmpty else {
      throw ValidationError("\(logs): no train/loss scalars")
    }
    let character = log.series["validation/strict_character_accuracy"] ?? []
    let sequence = log.series["validation/strict_sequence_accuracy"] ?? []
    let lastStep = Double(max(loss.last!.step, character.last?.step ?? 0, 1))
    let highest = loss.map(\.value).max()!
    let lowest = loss.map(\.value).min()!
    var canvas = try ChartCanvas(width: 1200, height: 900)
    try ChartPanel(
      title: "Training loss", series: [.init(name: "loss", points: loss, colour: (200, 80, 40))],
      steps: 0...lastStep, values: max(0, lowest - 0.05 * (highest - lowest))...highest,
      format: { String(format: "%.2f", $0) }
    ).draw(on: &canvas, x: 0, y: 0, width: 1200, height: 430)
    try ChartPanel(
      title: "Validation accuracy (strict)",
      series: [
        .init(name: "character", points: character.map { ($0.step, 100 * $0.value) }, colour: (40, 90, 200)),
        .init(name: "sequence", points: sequence.map { ($0.step, 100 * $0.value) }, colour: (30, 150, 70)),
      ],
      steps: 0...lastStep, values: 0...100, format: { String(format: "%.0f%%", $0) }
    ).draw(on: &canvas, x: 0, y: 450, width: 1200, height: 430)
    try canvas.image.write(to: output)
    print("\(output): \(loss.count) loss points, \(character.count) validations, up to step \(Int(lastStep))")
  }
}
