// SPDX-License-Identifier: Apache-2.0

extension AugmentationPolicy {
  /// Fields of ID cards as phones and scanners crop them for recognition, like the crops of
  /// FSNS-tfrecord-generate's `data/d2`: print on a light card, the characters 9–16 px an em
  /// (the crops are 11–16 px high), some of them faded by the card's printing or wear (whole
  /// characters, or bands that cut through them), the crop tight or stretched, and
  /// JPEG-compressed. Apart from the curriculum's levels.
  public static var idCardFields: AugmentationPolicy {
    var p = AugmentationPolicy()
    p.fontSize = ParameterRange(24, 32)
    p.characterSpacing = ParameterRange(-0.02, 0.15)
    p.padding = ParameterRange(0.02, 0.3)
    p.tightFrameProbability = 0.4
    p.rotationProbability = 0.2
    p.rotation = ParameterRange(-1, 1)
    p.lowResolutionProbability = 0.9
    p.lowResolutionEm = ParameterRange(9, 16)
    p.unevenInkProbability = 0.7
    p.unevenInk = ParameterRange(0.3, 0.8)
    p.fadedBandProbability = 0.4
    p.horizontalScaleProbability = 0.5
    p.horizontalScale = ParameterRange(0.85, 1.3)
    p.noiseProbability = 0.3
    p.noise = ParameterRange(0.01, 0.03)
    p.jpegProbability = 1
    p.jpegQuality = ParameterRange(60, 90)
    p.contrast = ParameterRange(0.6, 1)
    p.backgroundWeights = [0.6, 0.3, 0.1, 0]
    return p
  }
}
