// SPDX-License-Identifier: Apache-2.0

/// Sizes of the `compact` model: grey lines of any width, a small conv tower, a BiLSTM encoder
/// and an attention decoder. Built for two CPU cores.
public struct CompactConfig: Codable, Sendable, Equatable {
  /// Classes, the null class (end of text) included.
  public var classes: Int
  /// The null class's id (the charset's `nullID`).
  public var nullID: Int
  public var inputHeight = 32
  /// Conv tower channels, one per conv layer (see `CompactConvTower`).
  public var channels = [16, 32, 64, 96, 128, 192]
  public var encoderHidden = 128
  public var decoderHidden = 256
  public var embedding = 128
  public var attention = 128
  /// Longest text the decoder emits (the end token comes on top).
  public var maxLength = 40
  public var dropout = 0.1
  /// Whether the encoder's backward direction starts at each line's own end rather than after
  /// the batch's padding, whose length depends on the line's batch-mates (see
  /// `LSTM.forward(_:lengths:)`). nil (models trained before it existed): false.
  public var encoderStartsAtLineEnds: Bool?

  public init(classes: Int, nullID: Int) {
    precondition(nullID >= 0 && nullID < classes, "nullID must be a class id")
    self.classes = classes
    self.nullID = nullID
    encoderStartsAtLineEnds = true
  }

  /// Whether a model of `other`'s configuration has the same weights (names and shapes), so
  /// one's weights load into the other; how the encoder runs may differ.
  public func hasSameWeights(as other: CompactConfig) -> Bool {
    var mine = self, theirs = other
    (mine.encoderStartsAtLineEnds, theirs.encoderStartsAtLineEnds) = (nil, nil)
    (mine.dropout, theirs.dropout) = (0, 0)
    return mine == theirs
  }

  /// Columns of encoder features per input column: the tower pools the width by 4.
  public static let widthReduction = 4

  /// Encoder positions for an image `width` pixels wide.
  public static func featureLength(width: Int) -> Int {
    max(1, (width + widthReduction - 1) / widthReduction)
  }

  /// The decoder's start token, one past the classes.
  public var startToken: Int { classes }
}
