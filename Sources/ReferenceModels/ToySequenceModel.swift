// SPDX-License-Identifier: Apache-2.0
import NN
import Torch

/// Conv → BN → ReLU → pool, then a BiLSTM over columns and a per-column classifier.
public final class ToySequenceModel: Module, Layer {
  public let conv: Conv2d
  public let norm: BatchNorm2d
  public let lstm: LSTM
  public let classifier: Linear

  public init(classes: Int) throws(TorchError) {
    conv = try Conv2d(inputChannels: 1, outputChannels: 16, kernelSize: 3, padding: 1)
    norm = try BatchNorm2d(channels: 16)
    lstm = try LSTM(inputSize: 16 * 4, hiddenSize: 32, bidirectional: true)
    classifier = try Linear(inputSize: 64, outputSize: classes)
    super.init()
    register(conv, as: "conv")
    register(norm, as: "norm")
    register(lstm, as: "lstm")
    register(classifier, as: "classifier")
  }

  /// x: [N, 1, 8, W] -> logits [N, W/2, classes].
  public func forward(_ x: Tensor) throws(TorchError) -> Tensor {
    let features = try Functional.maxPool2d(norm(conv(x)).relu(), kernel: (2, 2))  // [N, 16, 4, W/2]
    let (n, width) = (features.shape[0], features.shape[3])
    let columns = try features.permuted([3, 0, 1, 2]).reshaped([width, n, 16 * 4])  // [T, N, C·H]
    return try classifier(lstm(columns)).transposed(0, 1)  // [N, T, classes]
  }
}
