// SPDX-License-Identifier: Apache-2.0
import NN
import Testing
import Torch

@Suite struct ModuleAveragingTests {
  @Test func floatTensorsMoveByTheShareAndCountsAreCopied() throws {
    let average = try TwoBlock(), trained = try TwoBlock()
    let before = try average.stateDict().filter { $0.value.dtype == .float32 }
      .mapValues { try $0.toArray(of: Float.self) }
    let count = trained.stateDict()["norm.num_batches_tracked"]!
    try trained.loadStateDict(
      trained.stateDict().merging(["norm.num_batches_tracked": try Tensor([Int64(5)], shape: count.shape)]) {
        $1
      })
    try average.averageTowards(trained, decay: 0.75)
    let after = average.stateDict()
    for (name, tensor) in trained.stateDict() where tensor.dtype == .float32 {
      let expected = zip(before[name]!, try tensor.toArray(of: Float.self)).map { 0.75 * $0 + 0.25 * $1 }
      let got = try after[name]!.toArray(of: Float.self)
      #expect(zip(got, expected).allSatisfy { abs($0 - $1) < 1e-6 }, "\(name)")
    }
    #expect(try after["norm.num_batches_tracked"]!.toArray(of: Int64.self) == [5])
  }

  @Test func decayZeroCopiesAndOneKeeps() throws {
    let average = try TwoBlock(), trained = try TwoBlock()
    let kept = try average.stateDict()["head.weight"]!.toArray(of: Float.self)
    try average.averageTowards(trained, decay: 1)
    #expect(try average.stateDict()["head.weight"]!.toArray(of: Float.self) == kept)
    try average.averageTowards(trained, decay: 0)
    #expect(
      try average.stateDict()["head.weight"]!.toArray(of: Float.self)
        == trained.stateDict()["head.weight"]!.toArray(of: Float.self))
  }

  /// A module of another shape is refused before anything is written.
  @Test func anotherArchitectureIsRefusedAndChangesNothing() throws {
    let average = try TwoBlock(), wider = try TwoBlock(channels: 4)
    try wider.registerParameter(Tensor.zeros([3]), as: "extra")
    let kept = try average.stateDict()["head.bias"]!.toArray(of: Float.self)
    #expect(throws: StateDictError.self) { try average.averageTowards(wider, decay: 0.5) }
    #expect(try average.stateDict()["head.bias"]!.toArray(of: Float.self) == kept)
  }
}
