// swift-tools-version: 6.0
// AttentionOCR: Chinese text-line recognition with an attention model, in Swift over libtorch.
import Foundation
import PackageDescription

/// libtorch comes from PyPI's torch wheel, unpacked by scripts/setup into .deps/libtorch.
/// ATTENTION_OCR_TORCH overrides the folder that holds `include/` and `lib/` (e.g. the `torch`
/// package of a machine's own Python, as scripts/build-gpu does).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let torchRoot =
  ProcessInfo.processInfo.environment["ATTENTION_OCR_TORCH"]
  ?? "\(packageRoot)/.deps/libtorch/torch"
let torchLib = "\(torchRoot)/lib"
// CUDA kernels register themselves from libtorch_cuda's static initialisers, so it must be
// linked even though nothing references it by name. The CPU set-up prunes it.
let hasCUDA = FileManager.default.fileExists(atPath: "\(torchLib)/libtorch_cuda.so")
let cudaLinkerFlags =
  hasCUDA ? ["-Xlinker", "--no-as-needed", "-ltorch_cuda", "-lc10_cuda", "-Xlinker", "--as-needed"] : []

let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// Set by scripts/build-gpu-bundle: link the shim as libctorch.so from `$ORIGIN/lib` instead of
/// compiling it in, so it can be rebuilt against another machine's torch. The value is a folder
/// holding a libctorch.so to link against here.
let externalShim = ProcessInfo.processInfo.environment["ATTENTION_OCR_EXTERNAL_SHIM"]
let shimSources = ["runtime.cpp", "tensor.cpp", "ops.cpp", "nn.cpp", "optim.cpp"]

let ctorchTarget: Target =
  if let externalShim {
    .target(
      name: "CTorch",
      exclude: shimSources,
      linkerSettings: [
        .unsafeFlags(["-L\(externalShim)", "-Xlinker", "-rpath", "-Xlinker", "$ORIGIN/lib"]),
        .linkedLibrary("ctorch"),
      ]
    )
  } else {
    .target(
      name: "CTorch",
      exclude: ["external_shim.c"],
      cxxSettings: [
        .unsafeFlags([
          "-I\(torchRoot)/include", "-I\(torchRoot)/include/torch/csrc/api/include",
          "-Wno-deprecated-declarations", "-Wno-unused-parameter",
        ])
      ],
      linkerSettings: [
        .unsafeFlags(["-L\(torchLib)", "-Xlinker", "-rpath", "-Xlinker", torchLib] + cudaLinkerFlags),
        .linkedLibrary("torch_cpu"),
        .linkedLibrary("c10"),
        .linkedLibrary("m"),
      ]
    )
  }

let package = Package(
  name: "AttentionOCR",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "attention-ocr", targets: ["AttentionOCRCLI"]),
    .library(name: "Torch", targets: ["Torch"]),
    .library(name: "NN", targets: ["NN"]),
    .library(name: "TFRecord", targets: ["TFRecord"]),
    .library(name: "OCRCore", targets: ["OCRCore"]),
    .library(name: "OCRData", targets: ["OCRData"]),
    .library(name: "SyntheticData", targets: ["SyntheticData"]),
    .library(name: "OCRModel", targets: ["OCRModel"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
  ],
  targets: [
    ctorchTarget,
    .target(name: "Torch", dependencies: ["CTorch"], swiftSettings: swiftSettings),
    .target(name: "NN", dependencies: ["Torch"], swiftSettings: swiftSettings),
    // Data targets: no libtorch.
    .target(
      name: "TFRecord", dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
      swiftSettings: swiftSettings),
    .target(name: "OCRCore", swiftSettings: swiftSettings),
    // libpng and libjpeg-turbo from Debian (scripts/setup installs libpng-dev, libturbojpeg0-dev).
    .target(
      name: "CImageCodecs", linkerSettings: [.linkedLibrary("png"), .linkedLibrary("turbojpeg")]),
    .target(
      name: "OCRData",
      dependencies: [
        "OCRCore", "TFRecord", "CImageCodecs", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: swiftSettings),
    .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
    .target(
      name: "SyntheticData", dependencies: ["OCRCore", "OCRData", "TFRecord", "CFreeType"],
      swiftSettings: swiftSettings),
    .target(name: "OCRModel", dependencies: ["NN", "Torch", "OCRCore", "OCRData"], swiftSettings: swiftSettings),
    .target(
      name: "OCRTraining",
      dependencies: ["OCRModel", "NN", "Torch", "OCRCore", "OCRData", "TFRecord", "SyntheticData"],
      swiftSettings: swiftSettings),
    // Small models for the self-check, the benchmark and the learning tests.
    .target(name: "ReferenceModels", dependencies: ["NN", "Torch"], swiftSettings: swiftSettings),
    .executableTarget(
      name: "AttentionOCRCLI",
      dependencies: [
        "Torch", "NN", "ReferenceModels", "OCRCore", "OCRData", "TFRecord", "SyntheticData", "OCRModel",
        "OCRTraining",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "TorchTestSupport", dependencies: ["Torch", "PythonCheck"], path: "Tests/TorchTestSupport",
      swiftSettings: swiftSettings),
    // Where tests write their files: one folder per test process, removed when it exits.
    .target(name: "TestScratch", path: "Tests/TestScratch", swiftSettings: swiftSettings),
    // Runs the reference Python tools (safetensors, tensorboard) from the project's test venv.
    .target(name: "PythonCheck", path: "Tests/PythonCheck", swiftSettings: swiftSettings),
    .testTarget(
      name: "TFRecordTests", dependencies: ["TestScratch", "TFRecord", "PythonCheck"], swiftSettings: swiftSettings),
    .testTarget(
      name: "AttentionOCRCLITests", dependencies: ["TestScratch", "AttentionOCRCLI", "OCRModel", "NN", "OCRCore", "OCRData"],
      swiftSettings: swiftSettings),
    .testTarget(name: "OCRCoreTests", dependencies: ["TestScratch", "OCRCore"], swiftSettings: swiftSettings),
    .testTarget(
      name: "OCRDataTests", dependencies: ["TestScratch", "OCRData", "OCRCore", "TFRecord", "PythonCheck"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "OCRModelTests", dependencies: ["TestScratch", "OCRModel", "NN", "Torch", "OCRCore", "OCRData", "TorchTestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "OCRTrainingTests", dependencies: ["TestScratch", "OCRTraining", "NN", "OCRModel", "OCRCore", "SyntheticData", "Torch"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "SyntheticDataTests", dependencies: ["SyntheticData", "OCRData", "OCRCore"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TorchTests", dependencies: ["TestScratch", "Torch", "TorchTestSupport", "PythonCheck"],
      resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    .testTarget(
      name: "NNTests", dependencies: ["TestScratch", "NN", "Torch", "TorchTestSupport", "ReferenceModels", "PythonCheck"],
      resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
  ],
  cxxLanguageStandard: .cxx20
)
