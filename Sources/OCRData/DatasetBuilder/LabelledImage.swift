// SPDX-License-Identifier: Apache-2.0
import Foundation

/// An image file and its text, the input of `DatasetBuilder`.
public struct LabelledImage: Sendable, Equatable {
  public let imagePath: String
  public let text: String

  public init(imagePath: String, text: String) {
    self.imagePath = imagePath
    self.text = text
  }

  static let imageExtensions: Set<String> = ["jpg", "jpeg", "png"]

  /// Every image in `folder` (recursively) with a same-named `.txt` label, as
  /// FSNS-tfrecord-generate lays its data out. Images without a label are returned in
  /// `unlabelled`; labels are UTF-8, trailing line breaks removed.
  public static func scan(folder: String) throws -> (
    items: [LabelledImage], problems: [(path: String, reason: String)]
  ) {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw DatasetError("\(folder): not a folder")
    }
    guard let walker = fm.enumerator(atPath: folder) else {
      throw DatasetError("\(folder): cannot list the folder")
    }
    var items: [LabelledImage] = []
    var problems: [(String, String)] = []
    for case let relative as String in walker {
      let url = URL(fileURLWithPath: folder).appendingPathComponent(relative)
      guard imageExtensions.contains(url.pathExtension.lowercased()) else { continue }
      let labelPath = url.deletingPathExtension().appendingPathExtension("txt").path
      guard let data = fm.contents(atPath: labelPath) else {
        problems.append((url.path, "no label file \(labelPath)"))
        continue
      }
      switch parseLabel(data) {
      case .success(let text): items.append(LabelledImage(imagePath: url.path, text: text))
      case .failure(let error): problems.append((labelPath, error.description))
      }
    }
    return (items.sorted { $0.imagePath < $1.imagePath }, problems)
  }

  /// Lines of `path<TAB>text`; relative paths are taken from the TSV's folder.
  public static func read(tsv path: String) throws -> (
    items: [LabelledImage], problems: [(path: String, reason: String)]
  ) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DatasetError("\(path): cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw DatasetError("\(path): not UTF-8 text")
    }
    let base = URL(fileURLWithPath: path).deletingLastPathComponent()
    var items: [LabelledImage] = []
    var problems: [(String, String)] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.isEmpty { continue }
      guard let tab = line.firstIndex(of: "\t"), !line[line.index(after: tab)...].isEmpty else {
        problems.append(("\(path):\(index + 1)", "expected 'image path<TAB>text'"))
        continue
      }
      let file = String(line[..<tab])
      let imagePath = file.hasPrefix("/") ? file : base.appendingPathComponent(file).path
      items.append(LabelledImage(imagePath: imagePath, text: String(line[line.index(after: tab)...])))
    }
    return (items, problems)
  }

  static func parseLabel(_ data: Data) -> Result<String, DatasetError> {
    guard var text = String(data: data, encoding: .utf8) else {
      return .failure(DatasetError("label is not UTF-8"))
    }
    while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
    if text.contains("\n") { return .failure(DatasetError("label has several lines")) }
    if text.isEmpty { return .failure(DatasetError("label is empty")) }
    return .success(text)
  }
}

/// A dataset that cannot be built, with what and where.
public struct DatasetError: Error, CustomStringConvertible, Equatable {
  public let description: String
  public init(_ description: String) { self.description = description }
}
