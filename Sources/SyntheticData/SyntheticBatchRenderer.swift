// SPDX-License-Identifier: Apache-2.0
import Dispatch
import Foundation

/// Renders index ranges on several threads, one generator each, returning samples in index
/// order. Because each sample depends only on its index, the output is the same for any thread
/// count.
public final class SyntheticBatchRenderer: @unchecked Sendable {
  private let generators: [SyntheticLineGenerator]

  public init(generator: SyntheticLineGenerator, threads: Int) throws {
    generators = [generator] + (try (1..<max(1, threads)).map { _ in try generator.copy() })
  }

  public var threads: Int { generators.count }

  /// Samples `indices` at curriculum `level(index)`.
  public func render(_ indices: Range<Int>, level: @Sendable (Int) -> Int) throws -> [SyntheticSample] {
    let count = indices.count
    var results = [SyntheticSample?](repeating: nil, count: count)
    let failures = FailureBox()
    results.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let slots = buffer
      DispatchQueue.concurrentPerform(iterations: generators.count) { worker in
        let generator = generators[worker]
        var position = worker
        while position < count {
          let index = indices.lowerBound + position
          do {
            slots[position] = try generator.sample(index: index, level: level(index))
          } catch {
            failures.record(error)
            return
          }
          position += generators.count
        }
      }
    }
    if let failure = failures.first { throw failure }
    return results.map { $0! }
  }
}

/// The first error any worker met.
private final class FailureBox: @unchecked Sendable {
  private let lock = NSLock()
  private var error: Error?

  func record(_ error: Error) { lock.withLock { self.error = self.error ?? error } }
  var first: Error? { lock.withLock { error } }
}
