// SPDX-License-Identifier: Apache-2.0
import Torch

/// Applies layers in order; the i-th layer's tensors are named `i.<name>`, as in PyTorch.
public final class Sequential: Module, Layer {
  public let layers: [any Layer]

  public init(_ layers: [any Layer]) {
    self.layers = layers
    super.init()
    for (index, layer) in layers.enumerated() { register(layer, as: String(index)) }
  }

  public convenience init(@SequentialBuilder _ build: () throws(TorchError) -> [any Layer]) throws(TorchError)
  {
    self.init(try build())
  }

  public func forward(_ x: Tensor) throws(TorchError) -> Tensor {
    var y = x
    for layer in layers { y = try layer.forward(y) }
    return y
  }
}

@resultBuilder
public enum SequentialBuilder {
  public static func buildExpression(_ layer: any Layer) -> [any Layer] { [layer] }
  public static func buildBlock(_ parts: [any Layer]...) -> [any Layer] { parts.flatMap { $0 } }
  public static func buildOptional(_ part: [any Layer]?) -> [any Layer] { part ?? [] }
  public static func buildEither(first: [any Layer]) -> [any Layer] { first }
  public static func buildEither(second: [any Layer]) -> [any Layer] { second }
  public static func buildArray(_ parts: [[any Layer]]) -> [any Layer] { parts.flatMap { $0 } }
}

/// A parameter-free function as a layer, for use in `Sequential`.
public final class Lambda: Module, Layer {
  private let body: (Tensor) throws(TorchError) -> Tensor

  public init(_ body: @escaping (Tensor) throws(TorchError) -> Tensor) {
    self.body = body
    super.init()
  }

  public func forward(_ x: Tensor) throws(TorchError) -> Tensor { try body(x) }

  public static var relu: Lambda { Lambda { x throws(TorchError) in try x.relu() } }
  public static var tanh: Lambda { Lambda { x throws(TorchError) in try x.tanh() } }

  public static func maxPool2d(kernel: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0))
    -> Lambda
  {
    Lambda { x throws(TorchError) in
      try Functional.maxPool2d(x, kernel: kernel, stride: stride, padding: padding)
    }
  }
}
