// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
  import Glibc
#endif

/// Turns SIGINT and SIGTERM into a flag the training loop checks between steps, so a stopped run
/// saves a checkpoint before it exits instead of losing the steps since the last one.
public enum StopSignal {
  nonisolated(unsafe) private static var requested: sig_atomic_t = 0

  public static func install() {
    let handler: @convention(c) (Int32) -> Void = { _ in StopSignal.requested = 1 }
    signal(SIGINT, handler)
    signal(SIGTERM, handler)
  }

  public static var isRequested: Bool { requested != 0 }

  /// For tests: behave as if a signal arrived (or clear it).
  public static func set(_ value: Bool) { requested = value ? 1 : 0 }
}
