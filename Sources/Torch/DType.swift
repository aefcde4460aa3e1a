// SPDX-License-Identifier: Apache-2.0
internal import CTorch

/// Element type of a tensor.
public enum DType: Int, Sendable, CaseIterable, CustomStringConvertible {
  case float32 = 0
  case float16 = 1
  case bfloat16 = 2
  case int64 = 3
  case uint8 = 4
  case bool = 5
  case float64 = 6
  case int32 = 7

  /// Bytes per element.
  public var byteSize: Int {
    switch self {
    case .float32, .int32: 4
    case .float16, .bfloat16: 2
    case .int64, .float64: 8
    case .uint8, .bool: 1
    }
  }

  public var isFloatingPoint: Bool {
    switch self {
    case .float32, .float16, .bfloat16, .float64: true
    default: false
    }
  }

  /// The name safetensors and PyTorch use (`F32`, `BF16`, ...).
  public var safetensorsName: String {
    switch self {
    case .float32: "F32"
    case .float16: "F16"
    case .bfloat16: "BF16"
    case .int64: "I64"
    case .uint8: "U8"
    case .bool: "BOOL"
    case .float64: "F64"
    case .int32: "I32"
    }
  }

  public init?(safetensorsName: String) {
    guard let match = DType.allCases.first(where: { $0.safetensorsName == safetensorsName })
    else { return nil }
    self = match
  }

  public var description: String {
    switch self {
    case .float32: "float32"
    case .float16: "float16"
    case .bfloat16: "bfloat16"
    case .int64: "int64"
    case .uint8: "uint8"
    case .bool: "bool"
    case .float64: "float64"
    case .int32: "int32"
    }
  }

  var cValue: ct_dtype { ct_dtype(rawValue: UInt32(rawValue)) }
}

/// Swift element types that map one-to-one onto a `DType`.
public protocol TensorElement: Sendable {
  static var dtype: DType { get }
  init()
}

extension Float: TensorElement { public static var dtype: DType { .float32 } }
extension Double: TensorElement { public static var dtype: DType { .float64 } }
extension Int64: TensorElement { public static var dtype: DType { .int64 } }
extension Int32: TensorElement { public static var dtype: DType { .int32 } }
extension UInt8: TensorElement { public static var dtype: DType { .uint8 } }
extension Bool: TensorElement { public static var dtype: DType { .bool } }
#if !((os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64))
  extension Float16: TensorElement { public static var dtype: DType { .float16 } }
#endif
