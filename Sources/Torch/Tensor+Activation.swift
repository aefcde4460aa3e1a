// SPDX-License-Identifier: Apache-2.0
internal import CTorch

extension Tensor {
  public func relu() throws(TorchError) -> Tensor { try unary(CT_RELU) }
  public func sigmoid() throws(TorchError) -> Tensor { try unary(CT_SIGMOID) }
  public func tanh() throws(TorchError) -> Tensor { try unary(CT_TANH) }
  public func gelu() throws(TorchError) -> Tensor { try unary(CT_GELU) }

  public func leakyRelu(slope: Double = 0.01) throws(TorchError) -> Tensor {
    try wrapResult(ct_leaky_relu(handle, slope))
  }

  public func softmax(dim: Int) throws(TorchError) -> Tensor {
    try wrapResult(ct_softmax(handle, Int64(dim)))
  }

  public func logSoftmax(dim: Int) throws(TorchError) -> Tensor {
    try wrapResult(ct_log_softmax(handle, Int64(dim)))
  }

  /// Zeroes elements with probability `p` and rescales the rest, when `training`.
  public func dropout(_ p: Double, training: Bool) throws(TorchError) -> Tensor {
    try wrapResult(ct_dropout(handle, p, training))
  }
}
