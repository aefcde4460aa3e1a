// SPDX-License-Identifier: Apache-2.0
internal import CTorch

extension Tensor {
  /// Whether autograd tracks operations on this tensor.
  public var requiresGrad: Bool { ct_requires_grad(handle) }

  /// Marks a leaf tensor as a parameter whose gradient `backward()` fills in.
  @discardableResult
  public func requiringGrad(_ requires: Bool = true) throws(TorchError) -> Tensor {
    try checkStatus(ct_set_requires_grad(handle, requires))
    return self
  }

  /// The gradient accumulated by `backward()`, or nil before any.
  public var grad: Tensor? {
    var g: OpaquePointer?
    guard ct_grad(handle, &g) == 0, let g else {
      ct_clear_error()
      return nil
    }
    return Tensor(owning: g)
  }

  /// Drops the accumulated gradient.
  public func zeroGrad() throws(TorchError) { try checkStatus(ct_zero_grad(handle)) }

  /// Back-propagates from this tensor (a scalar unless `gradient` is given).
  public func backward(gradient: Tensor? = nil, retainGraph: Bool = false) throws(TorchError) {
    try checkStatus(ct_backward(handle, gradient?.handle, retainGraph))
    withExtendedLifetime(gradient) {}
  }

  /// The same values, cut from the autograd graph.
  public func detached() throws(TorchError) -> Tensor { try wrapResult(ct_detach(handle)) }
}
