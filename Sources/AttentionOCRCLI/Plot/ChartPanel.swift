// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One chart: series of (step, value) points against shared axes, with a title, gridlines,
/// tick labels and a legend.
struct ChartPanel {
  struct Series {
    let name: String
    let points: [(step: Int, value: Double)]
    let colour: ChartCanvas.Colour
  }

  let title: String
  let series: [Series]
  let steps: ClosedRange<Double>
  let values: ClosedRange<Double>
  /// Formats a value tick label.
  let format: (Double) -> String

  /// Draws into the rectangle (x, y, width, height) of `canvas`.
  func draw(on canvas: inout ChartCanvas, x: Int, y: Int, width: Int, height: Int) throws {
    let (left, top, right, bottom) = (x + 90, y + 40, x + width - 20, y + height - 40)
    let grid: ChartCanvas.Colour = (225, 225, 225)
    let ink: ChartCanvas.Colour = (60, 60, 60)
    func px(_ step: Double) -> Double {
      Double(left) + (step - steps.lowerBound) / (steps.upperBound - steps.lowerBound) * Double(right - left)
    }
    func py(_ value: Double) -> Double {
      Double(bottom) - (value - values.lowerBound) / (values.upperBound - values.lowerBound)
        * Double(bottom - top)
    }
    try canvas.text(title, x: left, y: y + 8, height: 22, ink)
    for tick in Self.ticks(values) {
      canvas.line(Double(left), py(tick), Double(right), py(tick), grid)
      try canvas.text(format(tick), x: left - 8, y: Int(py(tick)) - 8, height: 16, ink, alignRight: true)
    }
    for tick in Self.ticks(steps) {
      canvas.line(px(tick), Double(top), px(tick), Double(bottom), grid)
      try canvas.text(Self.stepLabel(tick), x: Int(px(tick)) - 12, y: bottom + 8, height: 16, ink)
    }
    canvas.line(Double(left), Double(bottom), Double(right), Double(bottom), ink)
    canvas.line(Double(left), Double(top), Double(left), Double(bottom), ink)
    var legend = right
    for entry in series.reversed() {
      let width = try canvas.text(
        entry.name, x: legend, y: y + 12, height: 16, entry.colour, alignRight: true)
      canvas.fill(x: legend - width - 22, y: y + 18, width: 16, height: 4, entry.colour)
      legend -= width + 40
    }
    for entry in series {
      for (a, b) in zip(entry.points, entry.points.dropFirst()) {
        canvas.line(
          px(Double(a.step)), py(a.value), px(Double(b.step)), py(b.value), entry.colour, thickness: 2)
      }
      if entry.points.count == 1, let only = entry.points.first {
        let (cx, cy) = (Int(px(Double(only.step))), Int(py(only.value)))
        canvas.fill(x: cx - 2, y: cy - 2, width: 5, height: 5, entry.colour)
      }
    }
  }

  /// About five round tick values inside `range`.
  static func ticks(_ range: ClosedRange<Double>) -> [Double] {
    let span = range.upperBound - range.lowerBound
    guard span > 0 else { return [range.lowerBound] }
    let raw = span / 5
    let magnitude = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
    let first = ceil(range.lowerBound / step) * step
    return stride(from: first, through: range.upperBound + step * 1e-9, by: step).map { $0 }
  }

  static func stepLabel(_ step: Double) -> String {
    guard step >= 1000 else { return String(format: "%.0f", step) }
    return String(format: step.truncatingRemainder(dividingBy: 1000) == 0 ? "%.0fk" : "%.1fk", step / 1000)
  }
}
