// SPDX-License-Identifier: Apache-2.0
import NN
import Testing
import Torch

final class TwoBlock: Module, Layer {
  let features: Sequential
  let norm: BatchNorm2d
  let head: Linear

  init(channels: Int = 4) throws(TorchError) {
    features = Sequential([
      try Conv2d(inputChannels: 1, outputChannels: channels, kernelSize: 3, padding: 1), Lambda.relu,
    ])
    norm = try BatchNorm2d(channels: 4, scale: false)
    head = try Linear(inputSize: 4, outputSize: 2)
    super.init()
    register(features, as: "features")
    register(norm, as: "norm")
    register(head, as: "head")
  }

  func forward(_ x: Tensor) throws(TorchError) -> Tensor {
    try head(norm(features(x)).mean([2, 3]))
  }
}

@Suite struct ModuleTests {
  @Test func namesFollowPyTorchStateDictKeys() throws {
    let model = try TwoBlock()
    #expect(
      model.namedTensors().map(\.name) == [
        "features.0.weight", "features.0.bias", "norm.bias", "norm.running_mean", "norm.running_var",
        "norm.num_batches_tracked", "head.weight", "head.bias",
      ])
    #expect(
      model.namedBuffers().map(\.name) == [
        "norm.running_mean", "norm.running_var", "norm.num_batches_tracked",
      ])
    #expect(model.parameterCount == 4 * 9 + 4 + 4 + 4 * 2 + 2)
  }

  @Test func trainAndEvalReachEverySubmodule() throws {
    let model = try TwoBlock()
    model.eval()
    #expect(!model.features.layers[0].isTraining)
    #expect(!model.norm.isTraining)
    model.train()
    #expect(model.head.isTraining)
  }

  @Test func stateDictRoundTripsBetweenModels() throws {
    let a = try TwoBlock()
    let b = try TwoBlock()
    try b.loadStateDict(a.stateDict())
    let x = try Tensor.randn([2, 1, 5, 5])
    a.eval()
    b.eval()
    #expect(try a(x).toArray(of: Float.self) == b(x).toArray(of: Float.self))
  }

  @Test func loadingAMisshapedOrIncompleteStateDictChangesNothing() throws {
    let model = try TwoBlock()
    let before = try model.head.weight.tensor.toArray(of: Float.self)
    var state = model.stateDict()
    state["head.weight"] = try Tensor.zeros([3, 4])
    state["features.0.bias"] = try Tensor.ones([4])
    #expect(throws: StateDictError.self) { try model.loadStateDict(state) }
    #expect(try model.head.weight.tensor.toArray(of: Float.self) == before)
    #expect(
      try model.features.layers[0].namedTensors()[1].parameter.tensor.toArray(of: Float.self) != [1, 1, 1, 1])

    var missing = model.stateDict()
    missing["head.bias"] = nil
    missing["extra"] = try Tensor.ones([1])
    do {
      try model.loadStateDict(missing)
      Issue.record("loading should fail")
    } catch let error as StateDictError {
      #expect(error.description.contains("missing tensor 'head.bias'"))
      #expect(error.description.contains("unexpected tensor 'extra'"))
    }
  }

  @Test func parametersTrackGradientsAndBuffersDoNot() throws {
    let model = try TwoBlock()
    #expect(model.parameters.allSatisfy { $0.requiresGrad })
    #expect(model.namedBuffers().allSatisfy { !$0.parameter.tensor.requiresGrad })
  }

  @Test func movingToAMissingDeviceThrows() throws {
    let model = try TwoBlock()
    if !Torch.isCUDAAvailable {
      #expect(throws: TorchError.self) { try model.move(to: .cuda(0)) }
    }
    try model.move(to: .cpu)
    #expect(model.parameters.allSatisfy { $0.device == .cpu && $0.requiresGrad })
  }
}

@Suite struct DropoutLayerTests {
  @Test func dropoutIsIdentityInEvaluationMode() throws {
    let layer = Dropout(0.5)
    let x = try Tensor.ones([1000])
    layer.eval()
    #expect(try layer(x).toArray(of: Float.self).allSatisfy { $0 == 1 })
    layer.train()
    let kept = try layer(x).toArray(of: Float.self).filter { $0 != 0 }
    #expect((400...600).contains(kept.count))
    #expect(kept.allSatisfy { $0 == 2 })
  }
}
