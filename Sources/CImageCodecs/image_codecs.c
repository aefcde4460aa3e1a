// SPDX-License-Identifier: Apache-2.0
#include "image_codecs.h"

#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

static int fail(char *error, size_t size, const char *what, const char *detail) {
  snprintf(error, size, "%s%s%s", what, detail ? ": " : "", detail ? detail : "");
  return -1;
}

static int check_size(ic_image *out, uint32_t width, uint32_t height, int64_t max_pixels) {
  if (width == 0 || height == 0) {
    return fail(out->error, sizeof out->error, "image has zero width or height", NULL);
  }
  if ((int64_t)width * (int64_t)height > max_pixels) {
    snprintf(out->error, sizeof out->error, "image of %ux%u pixels exceeds the limit of %lld pixels",
             width, height, (long long)max_pixels);
    return -1;
  }
  return 0;
}

int ic_decode_png(const uint8_t *data, size_t size, int channels, int64_t max_pixels, ic_image *out) {
  memset(out, 0, sizeof *out);
  if (channels != 1 && channels != 3) return fail(out->error, sizeof out->error, "channels must be 1 or 3", NULL);
  png_image image;
  memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, data, size)) {
    return fail(out->error, sizeof out->error, "not a readable PNG", image.message);
  }
  if (check_size(out, image.width, image.height, max_pixels) != 0) {
    png_image_free(&image);
    return -1;
  }
  image.format = channels == 1 ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
  size_t bytes = PNG_IMAGE_SIZE(image);
  uint8_t *pixels = malloc(bytes);
  if (!pixels) {
    png_image_free(&image);
    return fail(out->error, sizeof out->error, "out of memory", NULL);
  }
  png_color background = {255, 255, 255};
  if (!png_image_finish_read(&image, &background, pixels, 0, NULL)) {
    free(pixels);
    return fail(out->error, sizeof out->error, "corrupt PNG data", image.message);
  }
  out->pixels = pixels;
  out->width = (int)image.width;
  out->height = (int)image.height;
  out->channels = channels;
  return 0;
}

int ic_decode_jpeg(const uint8_t *data, size_t size, int channels, int64_t max_pixels, ic_image *out) {
  memset(out, 0, sizeof *out);
  if (channels != 1 && channels != 3) return fail(out->error, sizeof out->error, "channels must be 1 or 3", NULL);
  tjhandle handle = tjInitDecompress();
  if (!handle) return fail(out->error, sizeof out->error, "cannot start the JPEG decoder", tjGetErrorStr());
  int width = 0, height = 0, subsampling = 0, colorspace = 0;
  if (tjDecompressHeader3(handle, data, (unsigned long)size, &width, &height, &subsampling, &colorspace) != 0) {
    fail(out->error, sizeof out->error, "not a readable JPEG", tjGetErrorStr2(handle));
    tjDestroy(handle);
    return -1;
  }
  if (width <= 0 || height <= 0 || check_size(out, (uint32_t)width, (uint32_t)height, max_pixels) != 0) {
    if (out->error[0] == 0) fail(out->error, sizeof out->error, "image has zero width or height", NULL);
    tjDestroy(handle);
    return -1;
  }
  uint8_t *pixels = malloc((size_t)width * (size_t)height * (size_t)channels);
  if (!pixels) {
    tjDestroy(handle);
    return fail(out->error, sizeof out->error, "out of memory", NULL);
  }
  int format = channels == 1 ? TJPF_GRAY : TJPF_RGB;
  // TJFLAG_STOPONWARNING: a truncated or damaged stream is an error, not a half-grey image.
  if (tjDecompress2(handle, data, (unsigned long)size, pixels, width, 0, height, format,
                    TJFLAG_STOPONWARNING) != 0) {
    fail(out->error, sizeof out->error, "corrupt JPEG data", tjGetErrorStr2(handle));
    free(pixels);
    tjDestroy(handle);
    return -1;
  }
  tjDestroy(handle);
  out->pixels = pixels;
  out->width = width;
  out->height = height;
  out->channels = channels;
  return 0;
}

int ic_encode_png(const uint8_t *pixels, int width, int height, int channels, uint8_t **out,
                  size_t *out_size, char *error, size_t error_size) {
  *out = NULL;
  *out_size = 0;
  if (width <= 0 || height <= 0 || (channels != 1 && channels != 3)) {
    return fail(error, error_size, "cannot encode: bad size or channel count", NULL);
  }
  png_image image;
  memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = (png_uint_32)width;
  image.height = (png_uint_32)height;
  image.format = channels == 1 ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, NULL, &size, 0, pixels, 0, NULL)) {
    return fail(error, error_size, "PNG encoding failed", image.message);
  }
  uint8_t *buffer = malloc(size);
  if (!buffer) return fail(error, error_size, "out of memory", NULL);
  if (!png_image_write_to_memory(&image, buffer, &size, 0, pixels, 0, NULL)) {
    free(buffer);
    return fail(error, error_size, "PNG encoding failed", image.message);
  }
  *out = buffer;
  *out_size = size;
  return 0;
}

int ic_encode_jpeg(const uint8_t *pixels, int width, int height, int channels, int quality,
                   uint8_t **out, size_t *out_size, char *error, size_t error_size) {
  *out = NULL;
  *out_size = 0;
  if (width <= 0 || height <= 0 || (channels != 1 && channels != 3) || quality < 1 || quality > 100) {
    return fail(error, error_size, "cannot encode: bad size, channel count or quality", NULL);
  }
  tjhandle handle = tjInitCompress();
  if (!handle) return fail(error, error_size, "cannot start the JPEG encoder", tjGetErrorStr());
  unsigned char *buffer = NULL;
  unsigned long size = 0;
  int format = channels == 1 ? TJPF_GRAY : TJPF_RGB;
  int subsampling = channels == 1 ? TJSAMP_GRAY : TJSAMP_420;
  if (tjCompress2(handle, pixels, width, 0, height, format, &buffer, &size, subsampling, quality, 0) != 0) {
    fail(error, error_size, "JPEG encoding failed", tjGetErrorStr2(handle));
    tjFree(buffer);
    tjDestroy(handle);
    return -1;
  }
  tjDestroy(handle);
  // Copy into malloc'd memory so every buffer this file returns is freed the same way.
  *out = malloc(size);
  if (!*out) {
    tjFree(buffer);
    return fail(error, error_size, "out of memory", NULL);
  }
  memcpy(*out, buffer, size);
  *out_size = size;
  tjFree(buffer);
  return 0;
}

void ic_free(void *pointer) { free(pointer); }
