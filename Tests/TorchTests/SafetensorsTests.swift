// SPDX-License-Identifier: Apache-2.0
import Foundation
import PythonCheck
import TestScratch
import Testing
import Torch
import TorchTestSupport

@Suite struct SafetensorsTests {
  let folder = Scratch.folder("safetensors-tests")

  func sample() throws -> [String: Tensor] {
    [
      "encoder.conv1.weight": try Tensor((0..<24).map { Float($0) / 7 }, shape: [2, 3, 2, 2]),
      "half": try Tensor([0.5, -1, 2] as [Float]).to(.float16),
      "brain": try Tensor([0.5, -1, 2] as [Float]).to(.bfloat16),
      "step": try Tensor(scalar: Int64(1234)),
      "mask": try Tensor([true, false, true] as [Bool]),
      "bytes": try Tensor([1, 2, 250] as [UInt8]),
      "empty": try Tensor.zeros([0, 4]),
    ]
  }

  @Test func roundTripsEveryDTypeAndMetadata() throws {
    let path = "\(folder)/roundtrip.safetensors"
    let tensors = try sample()
    try Safetensors.save(tensors, metadata: ["format": "pt"], to: path)
    let (loaded, metadata) = try Safetensors.load(path)
    #expect(metadata == ["format": "pt"])
    #expect(Set(loaded.keys) == Set(tensors.keys))
    for (name, tensor) in tensors {
      #expect(loaded[name]?.dtype == tensor.dtype, "\(name)")
      #expect(loaded[name]?.shape == tensor.shape, "\(name)")
      #expect(try loaded[name]?.rawBytes() == tensor.rawBytes(), "\(name)")
    }
  }

  @Test func truncatedFilesAreRejectedWithTheirPath() throws {
    let bytes = try Safetensors.encode(sample())
    for cut in [0, 5, 8, 40, bytes.count - 1] {
      #expect(throws: SafetensorsError.self) {
        try Safetensors.decode(Array(bytes.prefix(cut)), path: "x.safetensors")
      }
    }
    do {
      _ = try Safetensors.decode(Array(bytes.prefix(bytes.count - 3)), path: "cut.safetensors")
    } catch let error as SafetensorsError {
      #expect(error.description.hasPrefix("cut.safetensors: "))
    }
  }

  @Test func badHeadersAreRejected() throws {
    func file(_ json: String, dataBytes: Int = 0) -> [UInt8] {
      var out: [UInt8] = []
      withUnsafeBytes(of: UInt64(json.utf8.count).littleEndian) { out += $0 }
      return out + Array(json.utf8) + [UInt8](repeating: 0, count: dataBytes)
    }
    let cases = [
      file("not json"),
      file(#"{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}"#, dataBytes: 4),
      file(#"{"a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}}"#, dataBytes: 8),
      file(#"{"a": {"dtype": "Q8", "shape": [2], "data_offsets": [0, 2]}}"#, dataBytes: 2),
      file(#"{"a": {"dtype": "F32", "shape": [-2], "data_offsets": [0, 8]}}"#, dataBytes: 8),
      file(#"{"a": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}"#, dataBytes: 8),
      [255, 255, 255, 255, 255, 255, 255, 127, 0],
    ]
    for bytes in cases {
      #expect(throws: SafetensorsError.self) { try Safetensors.decode(bytes) }
    }
  }

  @Test func missingFileNamesThePath() throws {
    do {
      _ = try Safetensors.load("\(folder)/nope.safetensors")
      Issue.record("loading a missing file should throw")
    } catch let error as FileError {
      #expect(error.path.hasSuffix("nope.safetensors"))
    }
  }

  @Test func atomicSaveLeavesNoTemporaryFiles() throws {
    let path = "\(folder)/atomic.safetensors"
    try Safetensors.save(sample(), to: path)
    try Safetensors.save(["only": Tensor.ones([2])], to: path)
    #expect(try Safetensors.load(path).tensors.keys.sorted() == ["only"])
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.contains("partial")
    }
    #expect(leftovers.isEmpty)
  }

  /// Our files must load in Python's reference `safetensors` package, and its files in ours.
  @Test func interoperatesWithPythonSafetensors() throws {
    let ours = "\(folder)/ours.safetensors"
    let theirs = "\(folder)/theirs.safetensors"
    try Safetensors.save(
      [
        "w": Tensor([1, 2, 3, 4, 5, 6] as [Float], shape: [2, 3]),
        "h": Tensor([0.25, 8] as [Float]).to(.float16),
        "i": Tensor([-5, 9] as [Int64]),
      ], to: ours)
    let script = """
      import sys, numpy as np
      from safetensors.numpy import load_file, save_file
      t = load_file(sys.argv[1])
      assert t["w"].dtype == np.float32 and t["w"].shape == (2, 3), t["w"]
      assert t["w"].tolist() == [[1, 2, 3], [4, 5, 6]]
      assert t["h"].dtype == np.float16 and t["h"].tolist() == [0.25, 8.0]
      assert t["i"].dtype == np.int64 and t["i"].tolist() == [-5, 9]
      save_file({"a": np.arange(6, dtype=np.float32).reshape(3, 2) / 4,
                 "b": np.array([True, False]), "c": np.array([7, 8, 9], dtype=np.int32)},
                sys.argv[2], metadata={"by": "python"})
      print("ok")
      """
    let output = try PythonVenv.run(["-c", script, ours, theirs])
    #expect(output.contains("ok"))
    let (loaded, metadata) = try Safetensors.load(theirs)
    #expect(metadata["by"] == "python")
    #expect(try loaded["a"]?.toArray(of: Float.self) == [0, 0.25, 0.5, 0.75, 1, 1.25])
    #expect(loaded["a"]?.shape == [3, 2])
    #expect(try loaded["b"]?.toArray(of: Bool.self) == [true, false])
    #expect(try loaded["c"]?.toArray(of: Int32.self) == [7, 8, 9])
  }
}
