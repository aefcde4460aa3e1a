// SPDX-License-Identifier: Apache-2.0
// PNG (libpng) and JPEG (libjpeg-turbo's TurboJPEG) decoding and encoding of 8-bit grey and RGB
// pixels, with errors returned as text instead of longjmp or abort.
#ifndef IMAGE_CODECS_H
#define IMAGE_CODECS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  uint8_t *pixels;  // row-major, `channels` bytes per pixel; free with ic_free
  int width;
  int height;
  int channels;     // 1 (grey) or 3 (RGB)
  char error[256];  // set when a call returns non-zero
} ic_image;

/// Decodes a PNG. `channels` is 1 or 3 (converted as needed; alpha is composited on white).
/// Images with more than `max_pixels` pixels are refused before any pixel memory is allocated.
int ic_decode_png(const uint8_t *data, size_t size, int channels, int64_t max_pixels, ic_image *out);

/// Decodes a baseline or progressive JPEG to `channels` 1 or 3, under the same pixel limit.
int ic_decode_jpeg(const uint8_t *data, size_t size, int channels, int64_t max_pixels, ic_image *out);

/// Encodes pixels as PNG into a malloc'd buffer (`*out`, `*out_size`); free with ic_free.
int ic_encode_png(const uint8_t *pixels, int width, int height, int channels, uint8_t **out,
                  size_t *out_size, char *error, size_t error_size);

/// Encodes pixels as JPEG (quality 1–100) into a buffer freed with ic_free.
int ic_encode_jpeg(const uint8_t *pixels, int width, int height, int channels, int quality,
                   uint8_t **out, size_t *out_size, char *error, size_t error_size);

void ic_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
