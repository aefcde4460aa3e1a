// SPDX-License-Identifier: Apache-2.0

/// Sizes of the `fsns` model: Google's attention_ocr as published (Inception-v3 base to
/// Mixed_5d, views side by side, a 37-step attention LSTM decoder that feeds back the previous
/// character as a one-hot and the previous context).
public struct FSNSConfig: Codable, Sendable, Equatable {
  /// Classes, the null class included (134 for FSNS, 5,463 for the Chinese dictionary).
  public var classes: Int
  /// The class that pads every text to `sequenceLength`.
  public var nullID: Int
  /// Views of one sign laid side by side in the image (4 for FSNS, 1 for a text line).
  public var views = 4
  public var imageHeight = 150
  public var imageWidth = 600
  /// Decoder steps; every text is padded with the null class to this length.
  public var sequenceLength = 37
  public var lstmUnits = 256
  /// The LSTM's cell state is clipped to ±this.
  public var cellClip = 10.0
  public var labelSmoothing = 0.1
  /// L2 factor on conv weights and the classifier (TensorFlow's `weight · Σw²/2`).
  public var weightDecay = 4e-5

  public init(classes: Int, nullID: Int, views: Int = 4) {
    precondition(nullID >= 0 && nullID < classes, "nullID must be a class id")
    self.classes = classes
    self.nullID = nullID
    self.views = views
  }

  /// Channels of Mixed_5d, the attention memory's width.
  public static let featureChannels = 288
}
