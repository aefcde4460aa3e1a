// SPDX-License-Identifier: Apache-2.0
import Testing
import Torch
import TorchTestSupport

@Suite struct TensorTests {
  @Test func roundTripsSwiftArraysForEveryDType() throws {
    #expect(try Tensor([1.5, -2, 3] as [Float]).toArray(of: Float.self) == [1.5, -2, 3])
    #expect(try Tensor([1.5, -2] as [Double]).toArray(of: Double.self) == [1.5, -2])
    #expect(try Tensor([Int64.max, -1] as [Int64]).toArray(of: Int64.self) == [Int64.max, -1])
    #expect(try Tensor([7, -9] as [Int32]).toArray(of: Int32.self) == [7, -9])
    #expect(try Tensor([0, 255] as [UInt8]).toArray(of: UInt8.self) == [0, 255])
    #expect(try Tensor([true, false] as [Bool]).toArray(of: Bool.self) == [true, false])
    #expect(try Tensor([0.5, 2] as [Float16]).toArray(of: Float16.self) == [0.5, 2])
    let bf16 = try Tensor([1.0, 0.5, -3] as [Float]).to(.bfloat16)
    #expect(bf16.dtype == .bfloat16)
    #expect(try bf16.to(.float32).toArray(of: Float.self) == [1.0, 0.5, -3])
  }

  @Test func reportsShapeDTypeAndDevice() throws {
    let x = try Tensor.zeros([2, 3, 4], dtype: .int64)
    #expect(x.shape == [2, 3, 4])
    #expect(x.rank == 3)
    #expect(x.count == 24)
    #expect(x.dtype == .int64)
    #expect(x.device == .cpu)
    #expect(try Tensor(scalar: Float(3)).shape == [])
  }

  @Test func rejectsAMismatchedShapeAtCreation() {
    #expect(throws: TorchError.self) { try Tensor([1, 2, 3] as [Float], shape: [2, 2]) }
  }

  @Test func reshapesPermutesAndSlices() throws {
    let x = try Tensor((0..<24).map(Float.init), shape: [2, 3, 4])
    #expect(try x.permuted([2, 0, 1]).shape == [4, 2, 3])
    #expect(try x.transposed(0, 2).contiguous().reshaped([4, -1]).shape == [4, 6])
    #expect(try x.slice(dim: 2, 1, 3).toArray(of: Float.self) == [1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22])
    #expect(try x.select(dim: 0, 1).select(dim: 0, 2).toArray(of: Float.self) == [20, 21, 22, 23])
    #expect(try x.flattened(from: 1).shape == [2, 12])
    #expect(try Tensor.stack([x, x], dim: 1).shape == [2, 2, 3, 4])
    #expect(try Tensor.cat([x, x], dim: 2).shape == [2, 3, 8])
    #expect(try x.unsqueezed(0).squeezed(0).shape == [2, 3, 4])
    #expect(try x.chunks(of: 3, dim: 2).map(\.shape) == [[2, 3, 3], [2, 3, 1]])
  }

  @Test func elementwiseOpsMaskingAndWhere() throws {
    let x = try Tensor([-2, -1, 0, 1, 2] as [Float])
    #expect(try x.relu().toArray(of: Float.self) == [0, 0, 0, 1, 2])
    #expect(try (2 - x).toArray(of: Float.self) == [4, 3, 2, 1, 0])
    #expect(try x.clamped(min: -1, max: 1).toArray(of: Float.self) == [-1, -1, 0, 1, 1])
    let mask = try x.lt(0)
    #expect(try x.maskedFill(mask, with: 9).toArray(of: Float.self) == [9, 9, 0, 1, 2])
    #expect(try x.where(x.gt(0), else: x.zerosLike()).toArray(of: Float.self) == [0, 0, 0, 1, 2])
    #expect(try x.argmax(dim: 0).item() == 4)
    let (values, indices) = try x.topk(2)
    #expect(try values.toArray(of: Float.self) == [2, 1])
    #expect(try indices.toArray(of: Int64.self) == [4, 3])
  }

  @Test func seededRandomnessRepeats() throws {
    try Torch.manualSeed(42)
    let a = try Tensor.randn([5]).toArray(of: Float.self)
    try Torch.manualSeed(42)
    let b = try Tensor.randn([5]).toArray(of: Float.self)
    #expect(a == b)
  }

  @Test func threadCountCanBeSet() throws {
    let original = Torch.threadCount
    try Torch.setThreadCount(1)
    #expect(Torch.threadCount == 1)
    try Torch.setThreadCount(original)
    #expect(throws: TorchError.self) { try Torch.setThreadCount(0) }
  }

  @Test func dropoutZeroesAboutPAndRescales() throws {
    try Torch.manualSeed(3)
    let y = try Tensor.ones([10_000]).dropout(0.3, training: true).toArray(of: Float.self)
    let zeros = y.filter { $0 == 0 }.count
    #expect((2_700...3_300).contains(zeros))
    #expect(y.allSatisfy { $0 == 0 || Swift.abs($0 - 1 / 0.7) < 1e-5 })
    let evaluation = try Tensor.ones([100]).dropout(0.3, training: false).toArray(of: Float.self)
    #expect(evaluation.allSatisfy { $0 == 1 })
  }

  @Test func cudaIsReportedConsistently() throws {
    #expect(Torch.isCUDAAvailable == (Torch.cudaDeviceCount > 0))
    if !Torch.isCUDAAvailable {
      #expect(throws: TorchError.self) { try Tensor.zeros([2], device: .cuda(0)) }
    }
  }
}

@Suite struct ToleranceHelperTests {
  /// The golden tests are only as good as the comparison; make sure it catches a real gap.
  @Test func closenessCheckCatchesDifferences() throws {
    let a = try Tensor([1, 2, 3] as [Float])
    #expect(try closenessViolation(a, a) == nil)
    #expect(try closenessViolation(a, Tensor([1, 2, 3.001] as [Float])) != nil)
    #expect(try closenessViolation(a, Tensor([1, 2] as [Float])) != nil)
    #expect(try closenessViolation(a, Tensor([1, 2, Float.nan] as [Float])) != nil)
  }
}
