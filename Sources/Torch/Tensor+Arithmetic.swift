// SPDX-License-Identifier: Apache-2.0
internal import CTorch

// Element-wise operators with PyTorch's broadcasting. They throw, so one `try` covers a whole
// expression: `let y = try (x * w + b).relu()`.
extension Tensor {
  func binary(_ op: ct_binary_op, _ other: Tensor) throws(TorchError) -> Tensor {
    try wrapResult(ct_binary(op, handle, other.handle))
  }

  func binary(_ op: ct_binary_op, _ scalar: Double) throws(TorchError) -> Tensor {
    try wrapResult(ct_binary_scalar(op, handle, scalar))
  }

  func unary(_ op: ct_unary_op) throws(TorchError) -> Tensor {
    try wrapResult(ct_unary(op, handle))
  }

  public static func + (a: Tensor, b: Tensor) throws(TorchError) -> Tensor { try a.binary(CT_ADD, b) }
  public static func - (a: Tensor, b: Tensor) throws(TorchError) -> Tensor { try a.binary(CT_SUB, b) }
  public static func * (a: Tensor, b: Tensor) throws(TorchError) -> Tensor { try a.binary(CT_MUL, b) }
  public static func / (a: Tensor, b: Tensor) throws(TorchError) -> Tensor { try a.binary(CT_DIV, b) }

  public static func + (a: Tensor, b: Double) throws(TorchError) -> Tensor { try a.binary(CT_ADD, b) }
  public static func - (a: Tensor, b: Double) throws(TorchError) -> Tensor { try a.binary(CT_SUB, b) }
  public static func * (a: Tensor, b: Double) throws(TorchError) -> Tensor { try a.binary(CT_MUL, b) }
  public static func / (a: Tensor, b: Double) throws(TorchError) -> Tensor { try a.binary(CT_DIV, b) }

  public static func + (a: Double, b: Tensor) throws(TorchError) -> Tensor { try b.binary(CT_ADD, a) }
  public static func - (a: Double, b: Tensor) throws(TorchError) -> Tensor { try (-b).binary(CT_ADD, a) }
  public static func * (a: Double, b: Tensor) throws(TorchError) -> Tensor { try b.binary(CT_MUL, a) }
  public static func / (a: Double, b: Tensor) throws(TorchError) -> Tensor {
    try b.unary(CT_RECIPROCAL).binary(CT_MUL, a)
  }

  public static prefix func - (a: Tensor) throws(TorchError) -> Tensor { try a.unary(CT_NEG) }

  public func pow(_ exponent: Double) throws(TorchError) -> Tensor { try binary(CT_POW, exponent) }
  public func pow(_ exponent: Tensor) throws(TorchError) -> Tensor { try binary(CT_POW, exponent) }
  public func maximum(_ other: Tensor) throws(TorchError) -> Tensor { try binary(CT_MAXIMUM, other) }
  public func minimum(_ other: Tensor) throws(TorchError) -> Tensor { try binary(CT_MINIMUM, other) }
  public func remainder(_ divisor: Double) throws(TorchError) -> Tensor { try binary(CT_REMAINDER, divisor) }

  // Comparisons return bool tensors.
  public func eq(_ other: Tensor) throws(TorchError) -> Tensor { try binary(CT_EQ, other) }
  public func ne(_ other: Tensor) throws(TorchError) -> Tensor { try binary(CT_NE, other) }
  public func lt(_ other: Tensor) throws(TorchError) -> Tensor { try binary(CT_LT, other) }
  public func le(_ other: Tensor) throws(TorchError) -> Tensor { try binary(CT_LE, other) }
  public func gt(_ other: Tensor) throws(TorchError) -> Tensor { try binary(CT_GT, other) }
  public func ge(_ other: Tensor) throws(TorchError) -> Tensor { try binary(CT_GE, other) }
  public func eq(_ value: Double) throws(TorchError) -> Tensor { try binary(CT_EQ, value) }
  public func ne(_ value: Double) throws(TorchError) -> Tensor { try binary(CT_NE, value) }
  public func lt(_ value: Double) throws(TorchError) -> Tensor { try binary(CT_LT, value) }
  public func le(_ value: Double) throws(TorchError) -> Tensor { try binary(CT_LE, value) }
  public func gt(_ value: Double) throws(TorchError) -> Tensor { try binary(CT_GT, value) }
  public func ge(_ value: Double) throws(TorchError) -> Tensor { try binary(CT_GE, value) }
  public func logicalAnd(_ other: Tensor) throws(TorchError) -> Tensor { try binary(CT_LOGICAL_AND, other) }
  public func logicalOr(_ other: Tensor) throws(TorchError) -> Tensor { try binary(CT_LOGICAL_OR, other) }
  public func logicalNot() throws(TorchError) -> Tensor { try unary(CT_LOGICAL_NOT) }

  public func exp() throws(TorchError) -> Tensor { try unary(CT_EXP) }
  public func log() throws(TorchError) -> Tensor { try unary(CT_LOG) }
  public func sqrt() throws(TorchError) -> Tensor { try unary(CT_SQRT) }
  public func rsqrt() throws(TorchError) -> Tensor { try unary(CT_RSQRT) }
  public func abs() throws(TorchError) -> Tensor { try unary(CT_ABS) }
  public func square() throws(TorchError) -> Tensor { try unary(CT_SQUARE) }
  public func reciprocal() throws(TorchError) -> Tensor { try unary(CT_RECIPROCAL) }
  public func sin() throws(TorchError) -> Tensor { try unary(CT_SIN) }
  public func cos() throws(TorchError) -> Tensor { try unary(CT_COS) }
  public func floor() throws(TorchError) -> Tensor { try unary(CT_FLOOR) }
  public func ceil() throws(TorchError) -> Tensor { try unary(CT_CEIL) }
  public func rounded() throws(TorchError) -> Tensor { try unary(CT_ROUND) }
  public func sign() throws(TorchError) -> Tensor { try unary(CT_SIGN) }
  public func isNaN() throws(TorchError) -> Tensor { try unary(CT_ISNAN) }
  public func isFinite() throws(TorchError) -> Tensor { try unary(CT_ISFINITE) }

  public func clamped(min: Double? = nil, max: Double? = nil) throws(TorchError) -> Tensor {
    try wrapResult(ct_clamp(handle, min ?? 0, max ?? 0, min != nil, max != nil))
  }

  /// `condition ? self : other`, element-wise.
  public func `where`(_ condition: Tensor, else other: Tensor) throws(TorchError) -> Tensor {
    try wrapResult(ct_where(condition.handle, handle, other.handle))
  }

  /// Replaces the elements where `mask` is true with `value`.
  public func maskedFill(_ mask: Tensor, with value: Double) throws(TorchError) -> Tensor {
    try wrapResult(ct_masked_fill(handle, mask.handle, value))
  }

  /// `self += alpha * other`, in place and outside autograd's view of a new value.
  public func addInPlace(_ other: Tensor, alpha: Double = 1) throws(TorchError) {
    try checkStatus(ct_add_(handle, other.handle, alpha))
  }

  /// `self *= factor`, in place.
  public func multiplyInPlace(_ factor: Double) throws(TorchError) {
    try checkStatus(ct_mul_scalar_(handle, factor))
  }

  /// `self *= factor` (broadcast), in place.
  public func multiplyInPlace(_ factor: Tensor) throws(TorchError) {
    try checkStatus(ct_mul_(handle, factor.handle))
  }

  /// Matrix product with PyTorch's `matmul` broadcasting rules.
  public func matmul(_ other: Tensor) throws(TorchError) -> Tensor {
    try wrapResult(ct_matmul(handle, other.handle))
  }
}
