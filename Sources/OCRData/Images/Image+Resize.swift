// SPDX-License-Identifier: Apache-2.0

/// How `resized` samples the source.
public enum ResizeMethod: String, Sendable, CaseIterable {
  /// Each output pixel averages the source area it covers (best for shrinking, as PIL's BOX
  /// and OpenCV's INTER_AREA).
  case area
  /// Linear interpolation between the four nearest source pixels (half-pixel centres).
  case bilinear
  /// Keys' cubic convolution (a = −0.5, as PIL's BICUBIC) over the 4×4 nearest source pixels,
  /// widened by the scale when shrinking: smoother strokes than `area` when enlarging.
  case bicubic

  /// The method for scaling lines `from` one height `to` another: cubic convolution to
  /// enlarge (area repeats pixels in blocks), area to shrink.
  public static func suited(from height: Int, to newHeight: Int) -> ResizeMethod {
    newHeight > height ? .bicubic : .area
  }
}

extension Image {
  /// The image scaled to `width`×`height` (aspect not kept).
  public func resized(width newWidth: Int, height newHeight: Int, method: ResizeMethod = .area) -> Image {
    precondition(
      newWidth > 0 && newHeight > 0, "resize target must be positive, got \(newWidth)×\(newHeight)")
    if newWidth == width && newHeight == height { return self }
    let scaled = Resampler.resize(
      pixels.map(Float.init), width: width, height: height, channels: channels, toWidth: newWidth,
      height: newHeight, method: method)
    return Image(
      width: newWidth, height: newHeight, channels: channels,
      pixels: scaled.map { UInt8(max(0, min(255, $0 + 0.5))) })
  }

  /// Scaled to `height` keeping the aspect ratio (width rounded, at least 1, at most `maxWidth`).
  public func resized(toHeight newHeight: Int, maxWidth: Int? = nil, method: ResizeMethod = .area) -> Image {
    var newWidth = max(1, Int((Double(width) * Double(newHeight) / Double(height)).rounded()))
    if let maxWidth { newWidth = min(newWidth, maxWidth) }
    return resized(width: newWidth, height: newHeight, method: method)
  }

  /// A text line scaled to the model's `height` as every reader and trainer of lines scales it
  /// (`ResizeMethod.suited`: enlarged by cubic convolution, shrunk by area), so a model sees
  /// small crops the same way in training and in reading.
  public func lineResized(toHeight newHeight: Int, maxWidth: Int? = nil) -> Image {
    resized(toHeight: newHeight, maxWidth: maxWidth, method: .suited(from: height, to: newHeight))
  }

  /// The image extended on the right to `targetWidth` with `value` (cropped if wider).
  public func padded(toWidth targetWidth: Int, value: UInt8 = 0) -> Image {
    if targetWidth == width { return self }
    if targetWidth < width { return cropped(x: 0, y: 0, width: targetWidth, height: height) }
    var out = [UInt8](repeating: value, count: targetWidth * height * channels)
    for row in 0..<height {
      let source = row * width * channels
      let target = row * targetWidth * channels
      out.replaceSubrange(
        target..<(target + width * channels), with: pixels[source..<(source + width * channels)])
    }
    return Image(width: targetWidth, height: height, channels: channels, pixels: out)
  }

  /// Scaled to `height` keeping aspect, then padded on the right to `width`. Returns the image
  /// and how many columns hold content (for masking attention over the padding).
  public func fitted(height: Int, width: Int, padValue: UInt8 = 0, method: ResizeMethod = .area) -> (
    image: Image, contentWidth: Int
  ) {
    let scaled = resized(toHeight: height, maxWidth: width, method: method)
    return (scaled.padded(toWidth: width, value: padValue), scaled.width)
  }
}

/// Separable resampling of interleaved float planes (the core of `Image.resized`, also used on
/// float canvases that should not be rounded to bytes in between).
public enum Resampler {
  public static func resize(
    _ source: [Float], width: Int, height: Int, channels: Int, toWidth newWidth: Int, height newHeight: Int,
    method: ResizeMethod
  ) -> [Float] {
    let columns = taps(from: width, to: newWidth, method: method)
    let rows = taps(from: height, to: newHeight, method: method)
    // Horizontal pass, then vertical pass.
    var horizontal = [Float](repeating: 0, count: height * newWidth * channels)
    source.withUnsafeBufferPointer { source in
      horizontal.withUnsafeMutableBufferPointer { target in
        for y in 0..<height {
          let sourceRow = y * width * channels
          let targetRow = y * newWidth * channels
          for x in 0..<newWidth {
            let tap = columns[x]
            tap.weights.withUnsafeBufferPointer { weights in
              for c in 0..<channels {
                var sum: Float = 0
                var index = sourceRow + tap.start * channels + c
                for weight in weights {
                  sum += weight * source[index]
                  index += channels
                }
                target[targetRow + x * channels + c] = sum
              }
            }
          }
        }
      }
    }
    let rowLength = newWidth * channels
    var out = [Float](repeating: 0, count: newHeight * rowLength)
    horizontal.withUnsafeBufferPointer { source in
      out.withUnsafeMutableBufferPointer { target in
        for y in 0..<newHeight {
          let tap = rows[y]
          let targetRow = y * rowLength
          for (k, weight) in tap.weights.enumerated() {
            let row = (tap.start + k) * rowLength
            for i in 0..<rowLength { target[targetRow + i] += weight * source[row + i] }
          }
        }
      }
    }
    return out
  }

  /// Keys' cubic kernel with a = −0.5.
  static func cubic(_ x: Double) -> Double {
    let a = -0.5
    let t = abs(x)
    if t < 1 { return ((a + 2) * t - (a + 3)) * t * t + 1 }
    if t < 2 { return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a }
    return 0
  }

  /// The contiguous source positions (from `start`) and weights behind one output position.
  struct Tap {
    var start = 0
    var weights: [Float] = []
  }

  static func taps(from source: Int, to target: Int, method: ResizeMethod) -> [Tap] {
    let scale = Double(source) / Double(target)
    return (0..<target).map { position in
      var tap = Tap()
      switch method {
      case .area:
        let start = Double(position) * scale
        let end = start + scale
        var index = Int(start)
        tap.start = index
        while Double(index) < end && index < source {
          let overlap = min(end, Double(index + 1)) - max(start, Double(index))
          // A sliver below rounding still holds its place so the positions stay contiguous.
          tap.weights.append(Float(max(0, overlap) / scale))
          index += 1
        }
      case .bilinear:
        let centre = (Double(position) + 0.5) * scale - 0.5
        let clamped = min(max(centre, 0), Double(source - 1))
        let low = Int(clamped)
        let fraction = Float(clamped - Double(low))
        tap.start = low
        tap.weights = low + 1 < source ? [1 - fraction, fraction] : [1]
      case .bicubic:
        let stretch = max(scale, 1)
        let centre = (Double(position) + 0.5) * scale - 0.5
        let low = Int((centre - 2 * stretch).rounded(.up))
        let high = Int((centre + 2 * stretch).rounded(.down))
        let first = min(max(low, 0), source - 1)
        let last = max(min(high, source - 1), first)
        tap.start = first
        tap.weights = [Float](repeating: 0, count: last - first + 1)
        // Positions beyond the edges repeat the edge pixel.
        for index in low...high {
          let clamped = min(max(index, first), last)
          tap.weights[clamped - first] += Float(cubic((Double(index) - centre) / stretch))
        }
        let total = tap.weights.reduce(0, +)
        tap.weights = tap.weights.map { $0 / total }
      }
      return tap
    }
  }
}
