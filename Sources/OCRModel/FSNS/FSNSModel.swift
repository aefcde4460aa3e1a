// SPDX-License-Identifier: Apache-2.0
import NN
import OCRData
import Torch

/// The `fsns` recogniser, Google's attention_ocr: each view of the image through a shared
/// Inception-v3 base, the views' feature maps stacked into one attention memory, and the
/// autoregressive attention decoder. Computes logits and loss; `FSNSModel+Decoding` reads them.
public final class FSNSModel: Module {
  public let config: FSNSConfig
  public let tower: InceptionV3Base
  public let decoder: AutoregressiveAttentionDecoder

  public init(config: FSNSConfig) throws(TorchError) {
    self.config = config
    tower = try InceptionV3Base(inputChannels: 3)
    decoder = try AutoregressiveAttentionDecoder(config: config)
    super.init()
    register(tower, as: "conv_tower")
    register(decoder, as: "decoder")
  }

  /// images [N, 3, H, W] (see `tensor(for:)`) -> attention memory [N, V·h·w, 288]: each view's
  /// map in row-major order, views one after another (upstream's `pool_views_fn`).
  public func memory(_ images: Tensor) throws(TorchError) -> Tensor {
    let (n, v) = (images.shape[0], config.views)
    // All views pass the tower as one batch, so batch norm normalises every view with the same
    // statistics in training, as the running averages do at inference.
    let views = try Tensor.cat(images.chunks(of: images.shape[3] / v, dim: 3), dim: 0)  // [V·N, 3, H, W/V]
    let maps = try tower(views)  // [V·N, C, h, w]
    let (h, w) = (maps.shape[2], maps.shape[3])
    return try maps.reshaped([v, n, FSNSConfig.featureChannels, h, w]).permuted([1, 0, 3, 4, 2])
      .reshaped([n, v * h * w, FSNSConfig.featureChannels])  // [N, V·h·w, C]
  }

  /// Logits [N, T, K]; `targets` [N, T] teacher-forces the decoder, nil decodes greedily.
  public func logits(_ images: Tensor, targets: Tensor?) throws(TorchError) -> Tensor {
    try decoder.forward(memory: memory(images), targets: targets).logits
  }

  /// Upstream's loss: label-smoothed cross-entropy summed over all T steps (the null padding
  /// included) and averaged over the batch, plus L2 on the conv weights and the classifier.
  /// targets: [N, T] class ids padded with the null class.
  public func loss(_ images: Tensor, targets: Tensor) throws(TorchError) -> (loss: Tensor, logits: Tensor) {
    let logits = try self.logits(images, targets: targets)  // [N, T, K]
    let perStep = try Functional.crossEntropy(
      logits: logits.reshaped([-1, config.classes]), targets: targets.reshaped([-1]),
      labelSmoothing: config.labelSmoothing)
    let sequence = try perStep * Double(config.sequenceLength)
    return (try sequence + regularization(), logits)
  }

  /// `weightDecay · Σ w²/2` over the tensors upstream regularises.
  public func regularization() throws(TorchError) -> Tensor {
    let decayed =
      tower.convWeights + [decoder.classifier.weight.tensor] + [decoder.classifier.bias!.tensor]
    var total = try decayed[0].square().sum()
    for tensor in decayed.dropFirst() { total = try total + tensor.square().sum() }
    return try total * (config.weightDecay / 2)
  }

  /// Targets [N, T] for label ids: each text padded with the null class to T.
  public func targets(for labels: [[Int]], device: Device = .cpu) throws(TorchError) -> Tensor {
    let length = config.sequenceLength
    let flat = labels.flatMap { label in
      label.prefix(length).map(Int64.init)
        + [Int64](repeating: Int64(config.nullID), count: max(0, length - label.count))
    }
    return try Tensor(flat, shape: [labels.count, length]).to(device)
  }

  /// The model's input [N, 3, H, W]: RGB scaled to [−1.25, 1.25] as upstream's
  /// `(x/255 − 0.5)·2.5`. Images of another size are resized to H×W, as upstream's demo does.
  public func tensor(for images: [Image], device: Device = .cpu) throws(TorchError) -> Tensor {
    let (height, width) = (config.imageHeight, config.imageWidth)
    var pixels = [Float](repeating: 0, count: images.count * 3 * height * width)
    for (n, image) in images.enumerated() {
      var rgb = image.rgb()
      if rgb.width != width || rgb.height != height { rgb = rgb.resized(width: width, height: height) }
      for y in 0..<height {
        for x in 0..<width {
          for channel in 0..<3 {
            let value = Float(rgb.pixels[(y * width + x) * 3 + channel]) / 255
            pixels[((n * 3 + channel) * height + y) * width + x] = (value - 0.5) * 2.5
          }
        }
      }
    }
    return try Tensor(pixels, shape: [images.count, 3, height, width]).to(device)
  }
}
