// SPDX-License-Identifier: Apache-2.0

extension Array where Element: BinaryFloatingPoint {
  /// The distance between the `percent`th and the (100 − `percent`)th percentiles of a
  /// non-empty array: its spread with the outer `percent` % on either side left out.
  func spread(percent: Int) -> Element {
    let sorted = self.sorted()
    return sorted[sorted.count * (100 - percent) / 100] - sorted[sorted.count * percent / 100]
  }
}
