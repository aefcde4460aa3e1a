// swift-tools-version: 6.0
// libFuzzer targets for the parsers that read untrusted files. Build and run with
// scripts/fuzz (they need -sanitize=fuzzer, so they live outside the main package).
import PackageDescription

let package = Package(
  name: "AttentionOCRFuzz",
  dependencies: [.package(name: "AttentionOCR", path: "..")],
  targets: [
    .executableTarget(
      name: "FuzzImageDecoder", dependencies: [.product(name: "OCRData", package: "AttentionOCR")]),
    .executableTarget(
      name: "FuzzTFRecordReader",
      dependencies: [
        .product(name: "TFRecord", package: "AttentionOCR"),
        .product(name: "OCRData", package: "AttentionOCR"),
      ]),
  ]
)
