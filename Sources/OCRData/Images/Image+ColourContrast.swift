// SPDX-License-Identifier: Apache-2.0

extension Image {
  /// The image in grey, keeping text that differs from its ground in colour more than in
  /// brightness (green on red, blue on grey): when luma leaves the line faint (1st to 99th
  /// percentile under `faintRange` apart) and the colours' main axis of variation spreads it at
  /// least `colourGain` times wider, the line is turned grey along that axis instead. Other
  /// lines, and grey images, get plain luma (`grey()`).
  public func colourContrastGrey() -> Image {
    let luma = grey()
    guard channels == 3 else { return luma }
    let lumaRange = luma.percentileRange
    let lumaSpread = Float(lumaRange.high - lumaRange.low)
    guard lumaSpread < Float(Self.faintRange) else { return luma }
    let axis = mainColourAxis()
    let projected = (0..<(width * height)).map { i in
      axis.x * Float(pixels[3 * i]) + axis.y * Float(pixels[3 * i + 1]) + axis.z * Float(pixels[3 * i + 2])
    }
    guard projected.spread(percent: 1) >= Self.colourGain * max(lumaSpread, 1) else { return luma }
    // Centred on the luma's mean and signed to follow it, so what was darker stays darker
    // where luma could tell at all; `darkOnLight` settles the rest.
    let lumaMean = luma.pixels.reduce(0) { $0 + Float($1) } / Float(luma.pixels.count)
    let projectedMean = projected.reduce(0, +) / Float(projected.count)
    var agreement: Float = 0
    for (value, grey) in zip(projected, luma.pixels) {
      agreement += (value - projectedMean) * (Float(grey) - lumaMean)
    }
    let sign: Float = agreement < 0 ? -1 : 1
    let out = projected.map { UInt8(max(0, min(255, (lumaMean + sign * ($0 - projectedMean)).rounded()))) }
    return Image(width: width, height: height, channels: 1, pixels: out)
  }

  /// How many times wider than luma's the colour axis must spread a faint line to be used.
  public static let colourGain: Float = 2

  /// The direction in RGB along which the pixels vary most (the covariance's main eigenvector,
  /// by power iteration), scaled so its weights' magnitudes add up to 1: a pure grey change of
  /// one level moves the projection at most one level.
  func mainColourAxis() -> SIMD3<Float> {
    let count = width * height
    func colour(_ i: Int) -> SIMD3<Float> {
      SIMD3(Float(pixels[3 * i]), Float(pixels[3 * i + 1]), Float(pixels[3 * i + 2]))
    }
    var sum = SIMD3<Float>(repeating: 0)
    for i in 0..<count { sum += colour(i) }
    let mean = sum / Float(count)
    // Covariance columns.
    var columns = [SIMD3<Float>](repeating: .zero, count: 3)
    for i in 0..<count {
      let d = colour(i) - mean
      for c in 0..<3 { columns[c] += d * d[c] }
    }
    func times(_ v: SIMD3<Float>) -> SIMD3<Float> { columns[0] * v.x + columns[1] * v.y + columns[2] * v.z }
    // Starting from the covariance's largest column, which cannot be orthogonal to the main
    // eigenvector unless the covariance is zero.
    var axis = columns.max { ($0 * $0).sum() < ($1 * $1).sum() }!
    for _ in 0..<32 {
      let next = times(axis)
      let norm = abs(next.x) + abs(next.y) + abs(next.z)
      guard norm > 0 else { return SIMD3<Float>(Self.lumaWeights) }
      axis = next / norm
    }
    return axis
  }
}
