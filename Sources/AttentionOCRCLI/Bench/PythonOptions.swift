// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation

/// The Python side of a benchmark: which interpreter, or none.
struct PythonOptions: ParsableArguments {
  @Option(help: "Python with PyTorch (default: .deps/pytorch-venv from scripts/setup --with-pytorch).")
  var python: String?

  @Flag(help: "Time the Swift side only.")
  var swiftOnly = false

  /// The interpreter to compare against, nil with --swift-only; a missing one is an error.
  func interpreter(projectRoot root: String) throws -> String? {
    guard !swiftOnly else { return nil }
    let interpreter = python ?? "\(root)/.deps/pytorch-venv/bin/python"
    guard FileManager.default.isExecutableFile(atPath: interpreter) else {
      throw ValidationError(
        "\(interpreter) not found: run scripts/setup --with-pytorch, pass --python, or use --swift-only")
    }
    return interpreter
  }
}
