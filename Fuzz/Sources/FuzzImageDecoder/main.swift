// SPDX-License-Identifier: Apache-2.0
// libFuzzer entry point: any bytes must decode to a sane image or throw, never crash or hang.
import OCRData

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImageDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  for channels in [1, 3] {
    if let image = try? Image(decoding: bytes, channels: channels, pixelLimit: 4_000_000) {
      precondition(image.pixels.count == image.width * image.height * channels)
      _ = image.resized(toHeight: 32, maxWidth: 256)
    }
  }
  return 0
}
