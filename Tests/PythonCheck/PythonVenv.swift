// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The project's test venv (scripts/setup creates it with numpy and safetensors).
public enum PythonVenv {
  public static var interpreter: String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    return "\(root)/.deps/venv/bin/python"
  }

  struct Failure: Error, CustomStringConvertible { let description: String }

  public static func run(_ arguments: [String]) throws -> String {
    guard FileManager.default.isExecutableFile(atPath: interpreter) else {
      throw Failure(description: "\(interpreter) is missing: run scripts/setup")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: interpreter)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else { throw Failure(description: "python failed: \(text)") }
    return text
  }
}
