// SPDX-License-Identifier: Apache-2.0
import NN
import Testing
import Torch

@Suite struct LSTMLengthsTests {
  func largestDifference(_ a: Tensor, _ b: Tensor) throws -> Float {
    try (a - b).abs().max().toArray(of: Float.self)[0]
  }

  /// Every sequence at full length: the same as the fused bidirectional run.
  @Test func fullLengthsMatchTheFusedRun() throws {
    for layers in [1, 2] {
      let lstm = try LSTM(inputSize: 5, hiddenSize: 4, layers: layers, bidirectional: true, batchFirst: true)
      lstm.eval()
      let x = try Tensor.randn([3, 7, 5])
      let difference = try largestDifference(lstm.forward(x, lengths: [7, 7, 7]), lstm(x))
      #expect(difference < 1e-5, "\(layers) layers: \(difference)")
    }
  }

  /// A short sequence padded with anything reads, on its own steps, exactly as it does alone;
  /// the fused run's backward direction would start in the padding and differ.
  @Test func paddingDoesNotReachASequencesSteps() throws {
    let lstm = try LSTM(inputSize: 5, hiddenSize: 4, layers: 2, bidirectional: true, batchFirst: true)
    lstm.eval()
    let short = try Tensor.randn([1, 4, 5])
    let padded = try Tensor.cat([short, Tensor.randn([1, 5, 5])], dim: 1)  // [1, 9, 5]
    let batch = try Tensor.cat([padded, Tensor.randn([1, 9, 5])], dim: 0)  // [2, 9, 5]
    let alone = try lstm(short)  // [1, 4, 8]
    let withLengths = try lstm.forward(batch, lengths: [4, 9]).slice(dim: 0, 0, 1).slice(dim: 1, 0, 4)
    #expect(try largestDifference(withLengths, alone) < 1e-5)
    let fused = try lstm(batch).slice(dim: 0, 0, 1).slice(dim: 1, 0, 4)
    #expect(try largestDifference(fused, alone) > 1e-3)
  }
}
