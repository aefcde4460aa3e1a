// SPDX-License-Identifier: Apache-2.0
// libFuzzer entry point: any file must read as records, skip cleanly, or throw; never crash.
import Foundation
import OCRData
import TFRecord

/// Under libFuzzer this file's top-level code never runs, so state lives in a type.
enum Scratch {
  static let path = NSTemporaryDirectory() + "fuzz-tfrecord-\(getpid())"
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTFRecordReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FileManager.default.createFile(atPath: Scratch.path, contents: Data(bytes: data, count: size))
  for skip in [false, true] {
    guard let reader = try? TFRecordReader(path: Scratch.path, options: .init(skipCorrupt: skip)) else {
      return 0
    }
    while let record = try? reader.nextRecord() {
      _ = try? FSNSExample(serialized: record.data)
    }
  }
  if let reader = try? FSNSReader(patterns: [Scratch.path], options: .init(skipCorrupt: true)) {
    while (try? reader.next()) ?? nil != nil {}
  }
  return 0
}
