// SPDX-License-Identifier: Apache-2.0
import NN
import Torch

/// The CRNN of Shi, Bai & Yao, "An End-to-End Trainable Neural Network for Image-based Sequence
/// Recognition" (2015, arXiv:1507.05717), sized as the benchmark's yardstick: six 3×3 convs
/// (64-128-256-256-512-512, batch norm after the 3rd and 5th), pooling a 32-px line to height 1,
/// a BiLSTM(256) and a linear layer to the classes.
///
/// Differs from the paper: one BiLSTM layer instead of two, and a final (2, 1) max-pool instead
/// of a 2×2 valid convolution to reach height 1. Scripts/bench/crnn.py is the same model in PyTorch.
public final class CRNN: Module, Layer {
  public let convs: [Conv2d]
  public let norms: [Int: BatchNorm2d]
  public let lstm: LSTM
  public let classifier: Linear
  static let channels = [64, 128, 256, 256, 512, 512]
  /// Pooling after each conv: (kH, kW), nil for none.
  static let pools: [(Int, Int)?] = [(2, 2), (2, 2), nil, (2, 1), nil, (2, 1)]

  public init(classes: Int) throws(TorchError) {
    var convs: [Conv2d] = []
    var norms: [Int: BatchNorm2d] = [:]
    var input = 1
    for (index, output) in Self.channels.enumerated() {
      let normed = index == 2 || index == 4
      convs.append(
        try Conv2d(inputChannels: input, outputChannels: output, kernelSize: 3, padding: 1, bias: !normed))
      if normed { norms[index] = try BatchNorm2d(channels: output) }
      input = output
    }
    self.convs = convs
    self.norms = norms
    lstm = try LSTM(inputSize: 512, hiddenSize: 256, bidirectional: true)
    classifier = try Linear(inputSize: 512, outputSize: classes)
    super.init()
    for (index, conv) in convs.enumerated() { register(conv, as: "conv\(index)") }
    for (index, norm) in norms.sorted(by: { $0.key < $1.key }) { register(norm, as: "bn\(index)") }
    register(lstm, as: "lstm")
    register(classifier, as: "classifier")
  }

  /// x: [N, 1, 32, W] -> logits [W/4, N, classes] (time-major, as CTC wants).
  public func forward(_ x: Tensor) throws(TorchError) -> Tensor {
    var y = x
    for (index, conv) in convs.enumerated() {
      y = try conv(y)
      if let norm = norms[index] { y = try norm(y) }
      y = try y.relu()
      if let pool = Self.pools[index] { y = try Functional.maxPool2d(y, kernel: pool) }
    }
    y = try Functional.maxPool2d(y, kernel: (2, 1))  // [N, 512, 1, W/4]
    let columns = try y.squeezed(2).permuted([2, 0, 1])  // [T, N, 512]
    return try classifier(lstm(columns))  // [T, N, classes]
  }
}
