// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRModel
import Testing
import Torch

@Suite(.serialized) struct FSNSModelTests {
  /// Trainable scalars of the named tensors under `prefix`.
  func count(_ model: Module, _ prefix: String) -> Int {
    model.namedParameters().filter { $0.name.hasPrefix(prefix) }.reduce(0) { $0 + $1.parameter.tensor.count }
  }

  /// upstream-spec §1.6's table, tensor group by tensor group, for both dictionaries.
  @Test(arguments: [
    (5463, 31_423_176, 5_857_280, 1_403_991),
    (134, 56_682, 400_384, 34_438),
  ])
  func decoderParametersMatchUpstream(classes: Int, input: Int, lstm: Int, softmax: Int) throws {
    let decoder = try AutoregressiveAttentionDecoder(
      config: FSNSConfig(classes: classes, nullID: classes - 1))
    #expect(count(decoder, "input_projection.") == input)
    #expect(count(decoder, "lstm.") == lstm)
    let attention =
      count(decoder, "query_projection.") + count(decoder, "memory_projection.")
      + count(decoder, "attention_vector")
    #expect(attention == 230_976)
    #expect(count(decoder, "output_projection.") == 139_520)
    #expect(count(decoder, "classifier.") == softmax)
  }

  /// Inception-v3 to Mixed_5d from its layer table: k·k·in·out conv weights plus one beta per
  /// output channel (no gamma, no conv bias).
  @Test func towerParametersFollowTheLayerTable() throws {
    func unit(_ k: Int, _ i: Int, _ o: Int) -> Int { k * k * i * o + o }
    func mixed(_ i: Int, _ pool: Int) -> Int {
      unit(1, i, 64) + unit(1, i, 48) + unit(5, 48, 64) + unit(1, i, 64) + unit(3, 64, 96)
        + unit(3, 96, 96) + unit(1, i, pool)
    }
    let expected =
      unit(3, 3, 32) + unit(3, 32, 32) + unit(3, 32, 64) + unit(1, 64, 80) + unit(3, 80, 192)
      + mixed(192, 32) + mixed(256, 64) + mixed(288, 64)
    let tower = try InceptionV3Base(inputChannels: 3)
    #expect(tower.parameterCount == expected)
    #expect(
      tower.namedParameters().allSatisfy {
        !$0.name.hasSuffix("bn.weight") && !$0.name.hasSuffix("conv.bias")
      })
    #expect(tower.namedParameters().contains { $0.name == "Mixed_5c.Branch_1.Conv_1_0c_5x5.conv.weight" })
  }

  /// Upstream's model_test: 30×600 → 1×72×288; an FSNS view 150×150 → 16×16×288.
  @Test func towerShapesMatchUpstream() throws {
    let tower = try InceptionV3Base(inputChannels: 3)
    tower.eval()
    #expect(try tower(Tensor.randn([2, 3, 30, 600])).shape == [2, 288, 1, 72])
    #expect(try tower(Tensor.randn([1, 3, 150, 150])).shape == [1, 288, 16, 16])
  }

  /// Four views stack into one memory of 4·16·16 positions; the decoder runs 37 steps.
  @Test func viewsPoolIntoOneMemory() throws {
    try Torch.manualSeed(3)
    let model = try FSNSModel(config: FSNSConfig(classes: 134, nullID: 133))
    model.eval()
    let images = try Tensor.randn([1, 3, 150, 600])
    #expect(try model.memory(images).shape == [1, 1024, 288])
    let (logits, attention) = try model.decoder.forward(memory: model.memory(images), targets: nil)
    #expect(logits.shape == [1, 37, 134])
    #expect(attention.shape == [1, 37, 1024])
    // View k's map, row-major, fills positions k·256 ..< (k+1)·256.
    let memory = try model.memory(images)
    for k in 0..<4 {
      let view = try images.slice(dim: 3, 150 * k, 150 * (k + 1))
      let map = try model.tower(view).permuted([0, 2, 3, 1]).reshaped([1, 256, 288])
      let slice = try memory.slice(dim: 1, 256 * k, 256 * (k + 1))
      let gap = try (map - slice).abs().max().item()
      #expect(gap < 1e-4 * max(1, try map.abs().max().item()), "view \(k): \(gap)")
    }
    // Each step's attention is a distribution over the positions.
    let sums = try attention.sum([2]).toArray(of: Float.self)
    #expect(sums.allSatisfy { abs($0 - 1) < 1e-4 })
  }

  /// Label smoothing 0.1 over K classes bounds each step's cross-entropy from below by the
  /// smoothed target's entropy: 0.809 nats for K=134, 29.9 for 37 steps (upstream-spec §1.8).
  @Test func lossIsSummedOverStepsAndBoundedBySmoothing() throws {
    try Torch.manualSeed(4)
    var config = FSNSConfig(classes: 134, nullID: 133, views: 1)
    config.imageHeight = 150
    config.imageWidth = 150
    config.weightDecay = 0
    let model = try FSNSModel(config: config)
    let images = try Tensor.randn([2, 3, 150, 150])
    let targets = try model.targets(for: [[1, 2, 3], [4]])
    #expect(targets.shape == [2, 37])
    #expect(try targets.toArray(of: Int64.self)[3] == 133)
    let (loss, logits) = try model.loss(images, targets: targets)
    let perStep = try Functional.crossEntropy(
      logits: logits.reshaped([-1, 134]), targets: targets.reshaped([-1]), labelSmoothing: 0.1)
    #expect(abs(try loss.item() - 37 * perStep.item()) < 1e-3)
    let k = 134.0
    let p = 0.9 + 0.1 / k
    let q = 0.1 / k
    let floor = -(p * Foundation.log(p)) - (k - 1) * q * Foundation.log(q)
    #expect(abs(floor - 0.809) < 0.001)
    #expect(try perStep.item() > floor)
  }
}
