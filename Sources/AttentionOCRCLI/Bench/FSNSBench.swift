// SPDX-License-Identifier: Apache-2.0
import Foundation
import NN
import OCRCore
import OCRModel
import SyntheticData
import Torch

/// The fsns model's side of `bench model`: upstream's training step (momentum SGD, per-tensor
/// clipping) and greedy 37-step recognition of 150×600 images, one view per image (the Chinese
/// line layout).
struct FSNSBench {
  let device: Device
  let model: FSNSModel

  init(device: Device, charset: Charset) throws {
    try Torch.manualSeed(0)
    self.device = device
    model = try FSNSModel(config: FSNSConfig(classes: charset.count, nullID: charset.nullID, views: 1))
    try model.move(to: device)
  }

  func run(steps: Int, lines: [SyntheticSample], batch: Int) throws {
    print("fsns (\(model.parameterCount) parameters, 1 view of 150×600): training step, batch \(batch)")
    let optimizer = SGD(for: model, learningRate: 0.004, momentum: 0.9)
    let images = try model.tensor(for: lines.prefix(batch).map(\.image), device: device)
    let targets = try model.targets(for: lines.prefix(batch).map(\.ids), device: device)
    model.train()
    func step() throws {
      try model.zeroGrad()
      try model.loss(images, targets: targets).loss.backward()
      try GradientClipping.clipEachNorm(model.parameters, maxNorm: 2)
      try optimizer.step()
    }
    try step()
    var times: [Double] = []
    for _ in 0..<steps { times.append(try CRNNBenchmark.time(device: device) { try step() }) }
    report("training step (swift)", milliseconds: BenchTimings.median(times), lines: batch)

    model.eval()
    let single = try model.tensor(for: [lines[0].image], device: device)
    _ = try model.predict(single)
    var singles: [Double] = []
    for _ in 0..<max(3, lines.count / 4) {
      singles.append(try CRNNBenchmark.time(device: device) { _ = try model.predict(single) })
    }
    report("recognition, one image at a time", milliseconds: BenchTimings.median(singles), lines: 1)
    let batched = try CRNNBenchmark.time(device: device) { _ = try model.predict(images) }
    report("recognition, batches of \(batch)", milliseconds: batched, lines: batch)
  }
}
