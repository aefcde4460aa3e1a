// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
  import Glibc
#endif

/// Expands shard patterns such as `data/train-*` into sorted file lists.
public enum FilePattern {
  /// Every file matching any of `patterns` (shell glob syntax), sorted, without duplicates.
  /// A pattern that matches nothing is an error naming it.
  public static func expand(_ patterns: [String]) throws(TFRecordError) -> [String] {
    var files: [String] = []
    for pattern in patterns {
      let matches = glob(pattern)
      guard !matches.isEmpty else {
        throw TFRecordError(.noMatchingFiles, path: pattern, "no files match this pattern")
      }
      files += matches
    }
    var seen = Set<String>()
    return files.filter { seen.insert($0).inserted }
  }

  static func glob(_ pattern: String) -> [String] {
    var result = glob_t()
    defer { globfree(&result) }
    guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
    return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
  }
}
