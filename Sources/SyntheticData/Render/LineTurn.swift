// SPDX-License-Identifier: Apache-2.0
import OCRData

/// A finished line turned as a photo taken askew turns it, on a canvas large enough for all
/// of it, the corners filled with the line's own paper.
enum LineTurn {
  /// `image` (grey) turned `degrees` counter-clockwise.
  static func turned(_ image: Image, degrees: Double) -> Image {
    image.rotated(counterClockwise: degrees, fill: paperGrey(of: image))
  }

  /// The median grey of the image's outermost rows and columns, where a line's margins are.
  static func paperGrey(of image: Image) -> UInt8 {
    let (width, height) = (image.width, image.height)
    var edge = (0..<width).flatMap { [image.pixels[$0], image.pixels[(height - 1) * width + $0]] }
    edge += (0..<height).flatMap { [image.pixels[$0 * width], image.pixels[$0 * width + width - 1]] }
    edge.sort()
    return edge[edge.count / 2]
  }
}
