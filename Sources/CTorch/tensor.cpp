// SPDX-License-Identifier: Apache-2.0
// Creation, export, metadata, conversion and autograd.
#include <cstring>

#include "internal.h"

using ctorch::scalar_type;

namespace {

at::IntArrayRef sizes(const int64_t *shape, int ndim) { return at::IntArrayRef(shape, ndim); }

at::TensorOptions options(ct_dtype dtype, ct_device_type device, int index) {
  return at::TensorOptions().dtype(scalar_type(dtype)).device(ctorch::device(device, index));
}

}  // namespace

extern "C" {

ct_tensor *ct_from_data(const void *data, size_t nbytes, const int64_t *shape, int ndim,
                        ct_dtype dtype) {
  CT_GUARD(nullptr, {
    at::Tensor t = at::empty(sizes(shape, ndim), at::TensorOptions().dtype(scalar_type(dtype)));
    size_t expected = t.numel() * t.element_size();
    if (expected != nbytes) {
      throw std::invalid_argument("ct_from_data: shape " + c10::str(t.sizes()) + " needs " +
                                  std::to_string(expected) + " bytes, got " +
                                  std::to_string(nbytes));
    }
    if (nbytes > 0) std::memcpy(t.data_ptr(), data, nbytes);
    return ctorch::wrap(t);
  })
}

ct_tensor *ct_full(const int64_t *shape, int ndim, double value, ct_dtype dtype,
                   ct_device_type device, int device_index) {
  CT_RETURN_TENSOR(at::full(sizes(shape, ndim), value, options(dtype, device, device_index)))
}

ct_tensor *ct_random(const int64_t *shape, int ndim, int kind, ct_dtype dtype,
                     ct_device_type device, int device_index) {
  CT_GUARD(nullptr, {
    auto opts = options(dtype, device, device_index);
    return ctorch::wrap(kind == 0 ? at::randn(sizes(shape, ndim), opts)
                                  : at::rand(sizes(shape, ndim), opts));
  })
}

ct_tensor *ct_arange(double start, double end, double step, ct_dtype dtype,
                     ct_device_type device, int device_index) {
  CT_RETURN_TENSOR(at::arange(start, end, step, options(dtype, device, device_index)))
}

int ct_copy_to_host(ct_tensor *t, void *dst, size_t nbytes) {
  CT_GUARD(-1, {
    at::Tensor host = T(t).detach().to(at::kCPU).contiguous();
    size_t have = host.numel() * host.element_size();
    if (have != nbytes) {
      throw std::invalid_argument("ct_copy_to_host: tensor holds " + std::to_string(have) +
                                  " bytes, buffer has " + std::to_string(nbytes));
    }
    if (nbytes > 0) std::memcpy(dst, host.data_ptr(), nbytes);
    return 0;
  })
}

int ct_copy_(ct_tensor *dst, ct_tensor *src) {
  CT_RETURN_STATUS({
    at::NoGradGuard no_grad;
    T(dst).copy_(T(src));
  })
}

int ct_ndim(ct_tensor *t) { CT_GUARD(-1, return static_cast<int>(T(t).dim());) }

int ct_shape(ct_tensor *t, int64_t *out, int capacity) {
  CT_GUARD(-1, {
    auto s = T(t).sizes();
    for (int i = 0; i < static_cast<int>(s.size()) && i < capacity; ++i) out[i] = s[i];
    return static_cast<int>(s.size());
  })
}

int ct_dtype_of(ct_tensor *t) { CT_GUARD(-1, return ctorch::dtype_of(T(t).scalar_type());) }

int ct_device_of(ct_tensor *t, int *device_index) {
  CT_GUARD(-1, {
    at::Device d = T(t).device();
    *device_index = d.has_index() ? d.index() : 0;
    if (d.is_cpu()) return CT_CPU;
    if (d.is_cuda()) return CT_CUDA;
    throw std::invalid_argument("unsupported device " + d.str());
  })
}

int64_t ct_numel(ct_tensor *t) { CT_GUARD(-1, return T(t).numel();) }

int ct_item(ct_tensor *t, double *value) {
  CT_RETURN_STATUS(*value = T(t).item<double>();)
}

ct_tensor *ct_to(ct_tensor *t, ct_dtype dtype, ct_device_type device, int device_index) {
  CT_RETURN_TENSOR(T(t).to(ctorch::device(device, device_index), scalar_type(dtype)))
}

ct_tensor *ct_detach(ct_tensor *t) { CT_RETURN_TENSOR(T(t).detach()) }
ct_tensor *ct_clone(ct_tensor *t) { CT_RETURN_TENSOR(T(t).clone()) }
ct_tensor *ct_contiguous(ct_tensor *t) { CT_RETURN_TENSOR(T(t).contiguous()) }
ct_tensor *ct_alias(ct_tensor *t) { CT_RETURN_TENSOR(T(t)) }

int ct_set_requires_grad(ct_tensor *t, bool requires_grad) {
  CT_RETURN_STATUS(ctorch::unwrap(t).set_requires_grad(requires_grad);)
}

bool ct_requires_grad(ct_tensor *t) {
  try {
    return T(t).requires_grad();
  } catch (...) {
    return false;
  }
}

int ct_grad(ct_tensor *t, ct_tensor **grad) {
  CT_RETURN_STATUS({
    const at::Tensor &g = T(t).grad();
    *grad = g.defined() ? ctorch::wrap(g) : nullptr;
  })
}

int ct_zero_grad(ct_tensor *t) {
  CT_RETURN_STATUS({
    // Setting the gradient to undefined (as PyTorch's zero_grad(set_to_none=True) does) lets
    // the next backward write it fresh instead of accumulating into zeros.
    at::Tensor &g = const_cast<at::Tensor &>(T(t)).mutable_grad();
    g = at::Tensor();
  })
}

int ct_backward(ct_tensor *t, ct_tensor *gradient, bool retain_graph) {
  CT_RETURN_STATUS({
    at::Tensor g = gradient ? T(gradient) : at::Tensor();
    T(t).backward(g, retain_graph);
  })
}

}  // extern "C"
