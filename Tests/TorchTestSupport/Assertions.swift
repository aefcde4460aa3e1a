// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
import Torch

/// Largest |actual − expected| beyond `atol + rtol·|expected|`, or nil when within tolerance.
///
/// The default tolerance (1e-5 absolute and relative) is float32 round-off for values of order
/// one: both sides run the same libtorch kernels, so a larger gap means a real difference.
public func closenessViolation(
  _ actual: Tensor, _ expected: Tensor, atol: Double = 1e-5, rtol: Double = 1e-5
) throws -> String? {
  guard actual.shape == expected.shape else {
    return "shape \(actual.shape) != expected \(expected.shape)"
  }
  let a = try actual.to(.float64).toArray(of: Double.self)
  let e = try expected.to(.float64).toArray(of: Double.self)
  var worst: (index: Int, excess: Double)?
  for i in a.indices {
    let gap = Swift.abs(a[i] - e[i]) - (atol + rtol * Swift.abs(e[i]))
    // A NaN on either side (and not on both) is the worst kind of difference.
    let excess = a[i].isNaN != e[i].isNaN ? Double.infinity : (gap.isNaN ? 0 : gap)
    if excess > 0, excess > (worst?.excess ?? 0) { worst = (i, excess) }
  }
  guard let worst else { return nil }
  return "element \(worst.index): \(a[worst.index]) vs expected \(e[worst.index])"
}

/// Records a test failure when the tensors differ beyond tolerance.
public func expectClose(
  _ actual: Tensor, _ expected: Tensor, atol: Double = 1e-5, rtol: Double = 1e-5,
  _ label: String = "", sourceLocation: SourceLocation = #_sourceLocation
) throws {
  if let problem = try closenessViolation(actual, expected, atol: atol, rtol: rtol) {
    Issue.record("\(label) \(problem)", sourceLocation: sourceLocation)
  }
}

/// Runs `body` and checks that it left no tensor handle alive.
public func expectNoLeakedTensors(
  _ label: String = "", sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) throws {
  let before = Torch.liveTensorCount
  try body()
  let after = Torch.liveTensorCount
  #expect(
    after == before, "\(label): \(after - before) tensor handle(s) leaked", sourceLocation: sourceLocation)
}

/// Fixture files committed next to a test target (`Fixtures/NAME.safetensors`).
public struct Fixture {
  public let tensors: [String: Tensor]

  public init(_ name: String, bundle: Bundle) throws {
    guard let url = bundle.url(forResource: name, withExtension: "safetensors", subdirectory: "Fixtures")
    else {
      throw FileError(
        path: "Fixtures/\(name).safetensors",
        reason: "fixture missing; run Scripts/reference/make_fixtures.py")
    }
    tensors = try Safetensors.load(url.path).tensors
  }

  public subscript(_ key: String) -> Tensor {
    get throws {
      guard let tensor = tensors[key] else { throw FileError(path: key, reason: "no such tensor in fixture") }
      return tensor
    }
  }

  /// Tensors under `prefix.`, with the prefix removed.
  public func group(_ prefix: String) -> [String: Tensor] {
    var out: [String: Tensor] = [:]
    for (key, value) in tensors where key.hasPrefix(prefix + ".") {
      out[String(key.dropFirst(prefix.count + 1))] = value
    }
    return out
  }
}
