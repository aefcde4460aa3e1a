// SPDX-License-Identifier: Apache-2.0
import NN
import OCRModel
import Testing
import Torch

/// Widening a trained model's conv layers (`CompactModel.loadWeights(_:grownFrom:)`).
@Suite struct GrowthTests {
  /// The tiny test model with trained-looking batch norms: running statistics that are not
  /// the initial 0 and 1, so that a statistic left behind would change the logits.
  func narrowModel() throws -> CompactModel {
    try Torch.manualSeed(3)
    let model = try CompactModel(config: tinyConfig(classes: 20, nullID: 19))
    var tensors = model.stateDict()
    for (name, tensor) in tensors {
      if name.hasSuffix("running_mean") { tensors[name] = try Tensor.randn(tensor.shape) * 0.1 }
      if name.hasSuffix("running_var") { tensors[name] = try Tensor.rand(tensor.shape) + 0.5 }
    }
    try model.loadStateDict(tensors)
    model.eval()
    return model
  }

  func wider(_ config: CompactConfig) -> CompactConfig {
    var wide = config
    wide.channels = [16, 32, 48, 64, 80, 96]
    return wide
  }

  @Test func aWidenedModelReadsAsTheNarrowOneDid() throws {
    let narrow = try narrowModel()
    let wide = try CompactModel(config: wider(narrow.config))
    try wide.loadWeights(narrow.stateDict(), grownFrom: narrow.config)
    wide.eval()
    let images = try Tensor.randn([2, 1, 32, 64])
    let targets = try Tensor([1, 2, 19, 3, 19, 19] as [Int64], shape: [2, 3])
    let before = try narrow.logits(images, widths: [64, 40], targets: targets).toArray(of: Float.self)
    let after = try wide.logits(images, widths: [64, 40], targets: targets).toArray(of: Float.self)
    #expect(before.count == after.count)
    #expect(zip(before, after).allSatisfy { abs($0 - $1) < 1e-4 })
    #expect(wide.parameterCount > narrow.parameterCount)
  }

  /// The weights that read a new channel start at zero but learn: a training step gives them a
  /// gradient.
  @Test func theNewChannelsLearn() throws {
    let narrow = try narrowModel()
    let wide = try CompactModel(config: wider(narrow.config))
    try wide.loadWeights(narrow.stateDict(), grownFrom: narrow.config)
    let reading = try #require(wide.stateDict()["tower.conv4.weight"])  // [80, 64, 3, 3]
    let fromNewChannels = try reading.slice(dim: 0, 0, 48).slice(dim: 1, 48, 64)
    #expect(try fromNewChannels.abs().max().item() == 0)
    wide.train()
    let targets = try wide.targets(for: [[1, 2], [3]])
    let (loss, _) = try wide.loss(Tensor.randn([2, 1, 32, 64]), widths: [64, 40], targets: targets)
    try loss.backward()
    let gradient = try #require(wide.tower.convs[4].weight.tensor.grad)
    #expect(try gradient.slice(dim: 0, 0, 48).slice(dim: 1, 48, 64).abs().max().item() > 0)
  }

  @Test func onlyWiderConvLayersCanGrow() throws {
    let narrow = try narrowModel()
    var narrower = narrow.config
    narrower.channels[5] = 32
    #expect(!narrower.canGrow(from: narrow.config))
    #expect(!narrow.config.canGrow(from: narrow.config))
    var otherEncoder = wider(narrow.config)
    otherEncoder.encoderHidden += 8
    #expect(!otherEncoder.canGrow(from: narrow.config))
    let model = try CompactModel(config: narrower)
    #expect {
      try model.loadWeights(narrow.stateDict(), grownFrom: narrow.config)
    } throws: { "\($0)".contains("cannot grow") }
  }
}
