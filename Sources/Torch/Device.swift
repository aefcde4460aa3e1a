// SPDX-License-Identifier: Apache-2.0
internal import CTorch

/// Where a tensor lives.
public enum Device: Sendable, Equatable, Hashable, CustomStringConvertible {
  case cpu
  case cuda(Int)

  /// Parses `cpu`, `cuda` or `cuda:N`.
  public init?(_ text: String) {
    switch text {
    case "cpu": self = .cpu
    case "cuda": self = .cuda(0)
    default:
      guard text.hasPrefix("cuda:"), let index = Int(text.dropFirst(5)), index >= 0 else {
        return nil
      }
      self = .cuda(index)
    }
  }

  public var description: String {
    switch self {
    case .cpu: "cpu"
    case .cuda(let index): "cuda:\(index)"
    }
  }

  var cType: ct_device_type {
    switch self {
    case .cpu: CT_CPU
    case .cuda: CT_CUDA
    }
  }

  var cIndex: Int32 {
    switch self {
    case .cpu: 0
    case .cuda(let index): Int32(index)
    }
  }
}
