// SPDX-License-Identifier: Apache-2.0
// Shared by the shim's translation units; never included from Swift.
#pragma once

#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>

#include <exception>
#include <vector>

#include "ctorch.h"

struct ct_tensor {
  at::Tensor value;
  explicit ct_tensor(at::Tensor v);
  ~ct_tensor();
};

namespace ctorch {

void set_error(const char *message);
ct_tensor *wrap(at::Tensor value);
at::ScalarType scalar_type(ct_dtype dtype);
ct_dtype dtype_of(at::ScalarType type);
at::Device device(ct_device_type type, int index);
const at::Tensor &unwrap(ct_tensor *t);
std::optional<at::Tensor> optional(ct_tensor *t);
std::vector<at::Tensor> list(ct_tensor *const *handles, int n);

}  // namespace ctorch

// Runs `body` and converts any exception into the thread-local error; `failure` is returned then.
#define CT_GUARD(failure, ...)                                            \
  try {                                                                    \
    __VA_ARGS__                                                            \
  } catch (const c10::Error &e) {                                          \
    ctorch::set_error(e.what_without_backtrace());                         \
  } catch (const std::exception &e) {                                      \
    ctorch::set_error(e.what());                                           \
  } catch (...) {                                                          \
    ctorch::set_error("unknown C++ exception in libtorch");                \
  }                                                                        \
  return failure;

#define CT_RETURN_TENSOR(...) CT_GUARD(nullptr, return ctorch::wrap(__VA_ARGS__);)
#define CT_RETURN_STATUS(...) CT_GUARD(-1, __VA_ARGS__ return 0;)
#define T(handle) ctorch::unwrap(handle)
