// SPDX-License-Identifier: Apache-2.0

/// An endless stream of synthetic lines for a training loop, rendered in batches on several
/// threads, with no disk in between. The curriculum decides each line's level from its index
/// (e.g. clean lines for the first 50,000 steps' worth of samples, then harder ones).
public final class SyntheticStream: IteratorProtocol {
  private let renderer: SyntheticBatchRenderer
  private let curriculum: @Sendable (Int) -> Int
  private var buffer: [SyntheticSample] = []
  private var position = 0
  /// Index of the next line; a resumed run sets it to continue exactly where it stopped.
  public private(set) var nextIndex: Int
  public let batchSize: Int

  public init(
    generator: SyntheticLineGenerator, threads: Int, startIndex: Int = 0, batchSize: Int = 256,
    curriculum: @escaping @Sendable (Int) -> Int
  ) throws {
    renderer = try SyntheticBatchRenderer(generator: generator, threads: threads)
    self.curriculum = curriculum
    nextIndex = startIndex
    self.batchSize = batchSize
  }

  /// The next line; rendering errors (fonts vanished mid-run) end the stream.
  public func next() -> SyntheticSample? { try? nextSample() }

  public func nextSample() throws -> SyntheticSample {
    if position == buffer.count {
      buffer = try renderer.render(nextIndex..<(nextIndex + batchSize), level: curriculum)
      position = 0
    }
    defer {
      position += 1
      nextIndex += 1
    }
    return buffer[position]
  }
}
