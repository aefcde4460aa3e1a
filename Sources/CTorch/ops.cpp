// SPDX-License-Identifier: Apache-2.0
// Element-wise arithmetic, reductions, shape and indexing.
#include "internal.h"

namespace {

at::Tensor binary(ct_binary_op op, const at::Tensor &a, const at::Tensor &b) {
  switch (op) {
    case CT_ADD: return at::add(a, b);
    case CT_SUB: return at::sub(a, b);
    case CT_MUL: return at::mul(a, b);
    case CT_DIV: return at::div(a, b);
    case CT_POW: return at::pow(a, b);
    case CT_MAXIMUM: return at::maximum(a, b);
    case CT_MINIMUM: return at::minimum(a, b);
    case CT_EQ: return at::eq(a, b);
    case CT_NE: return at::ne(a, b);
    case CT_LT: return at::lt(a, b);
    case CT_LE: return at::le(a, b);
    case CT_GT: return at::gt(a, b);
    case CT_GE: return at::ge(a, b);
    case CT_LOGICAL_AND: return at::logical_and(a, b);
    case CT_LOGICAL_OR: return at::logical_or(a, b);
    case CT_REMAINDER: return at::remainder(a, b);
  }
  throw std::invalid_argument("unknown binary op");
}

at::Tensor binary_scalar(ct_binary_op op, const at::Tensor &a, double s) {
  switch (op) {
    case CT_ADD: return at::add(a, s);
    case CT_SUB: return at::sub(a, s);
    case CT_MUL: return at::mul(a, s);
    case CT_DIV: return at::div(a, s);
    case CT_POW: return at::pow(a, s);
    case CT_MAXIMUM: return at::clamp_min(a, s);
    case CT_MINIMUM: return at::clamp_max(a, s);
    case CT_EQ: return at::eq(a, s);
    case CT_NE: return at::ne(a, s);
    case CT_LT: return at::lt(a, s);
    case CT_LE: return at::le(a, s);
    case CT_GT: return at::gt(a, s);
    case CT_GE: return at::ge(a, s);
    case CT_REMAINDER: return at::remainder(a, s);
    case CT_LOGICAL_AND:
    case CT_LOGICAL_OR: break;
  }
  throw std::invalid_argument("this binary op takes no scalar operand");
}

at::Tensor unary(ct_unary_op op, const at::Tensor &a) {
  switch (op) {
    case CT_NEG: return at::neg(a);
    case CT_EXP: return at::exp(a);
    case CT_LOG: return at::log(a);
    case CT_SQRT: return at::sqrt(a);
    case CT_RSQRT: return at::rsqrt(a);
    case CT_ABS: return at::abs(a);
    case CT_RELU: return at::relu(a);
    case CT_SIGMOID: return at::sigmoid(a);
    case CT_TANH: return at::tanh(a);
    case CT_GELU: return at::gelu(a);
    case CT_SIN: return at::sin(a);
    case CT_COS: return at::cos(a);
    case CT_FLOOR: return at::floor(a);
    case CT_CEIL: return at::ceil(a);
    case CT_ROUND: return at::round(a);
    case CT_SIGN: return at::sign(a);
    case CT_LOGICAL_NOT: return at::logical_not(a);
    case CT_SQUARE: return at::square(a);
    case CT_ISNAN: return at::isnan(a);
    case CT_ISFINITE: return at::isfinite(a);
    case CT_RECIPROCAL: return at::reciprocal(a);
  }
  throw std::invalid_argument("unknown unary op");
}

at::Tensor reduce(ct_reduce_op op, const at::Tensor &a, at::IntArrayRef dims, bool keepdim) {
  bool all = dims.empty();
  auto one_dim = [&]() -> int64_t {
    if (dims.size() != 1) throw std::invalid_argument("this reduction takes exactly one dim");
    return dims[0];
  };
  switch (op) {
    case CT_SUM: return all ? a.sum() : a.sum(dims, keepdim);
    case CT_MEAN: return all ? a.mean() : a.mean(dims, keepdim);
    case CT_MAX: return all ? a.max() : a.amax(dims, keepdim);
    case CT_MIN: return all ? a.min() : a.amin(dims, keepdim);
    case CT_ARGMAX: return a.argmax(one_dim(), keepdim);
    case CT_ARGMIN: return a.argmin(one_dim(), keepdim);
    case CT_PROD: return all ? a.prod() : a.prod(one_dim(), keepdim);
    case CT_LOGSUMEXP: return at::logsumexp(a, dims, keepdim);
    case CT_ALL: return all ? a.all() : a.all(one_dim(), keepdim);
    case CT_ANY: return all ? a.any() : a.any(one_dim(), keepdim);
    case CT_VAR:
      return all ? a.var() : at::var(a, at::OptionalIntArrayRef(dims), 1, keepdim);
    case CT_STD:
      return all ? a.std() : at::std(a, at::OptionalIntArrayRef(dims), 1, keepdim);
  }
  throw std::invalid_argument("unknown reduction");
}

at::IntArrayRef ints(const int64_t *values, int n) { return at::IntArrayRef(values, n); }

}  // namespace

extern "C" {

ct_tensor *ct_binary(ct_binary_op op, ct_tensor *a, ct_tensor *b) {
  CT_RETURN_TENSOR(binary(op, T(a), T(b)))
}
ct_tensor *ct_binary_scalar(ct_binary_op op, ct_tensor *a, double b) {
  CT_RETURN_TENSOR(binary_scalar(op, T(a), b))
}
ct_tensor *ct_unary(ct_unary_op op, ct_tensor *a) { CT_RETURN_TENSOR(unary(op, T(a))) }
ct_tensor *ct_leaky_relu(ct_tensor *a, double slope) {
  CT_RETURN_TENSOR(at::leaky_relu(T(a), slope))
}
ct_tensor *ct_clamp(ct_tensor *a, double min, double max, bool has_min, bool has_max) {
  CT_RETURN_TENSOR(at::clamp(T(a), has_min ? std::optional<at::Scalar>(min) : std::nullopt,
                             has_max ? std::optional<at::Scalar>(max) : std::nullopt))
}
ct_tensor *ct_where(ct_tensor *condition, ct_tensor *a, ct_tensor *b) {
  CT_RETURN_TENSOR(at::where(T(condition), T(a), T(b)))
}
ct_tensor *ct_masked_fill(ct_tensor *a, ct_tensor *mask, double value) {
  CT_RETURN_TENSOR(at::masked_fill(T(a), T(mask), value))
}
int ct_add_(ct_tensor *a, ct_tensor *b, double alpha) {
  CT_RETURN_STATUS({
    // Integer tensors (step counters) refuse a floating-point alpha.
    bool integral = at::isIntegralType(T(a).scalar_type(), /*includeBool=*/true);
    T(a).add_(T(b), integral ? at::Scalar(static_cast<int64_t>(alpha)) : at::Scalar(alpha));
  })
}
int ct_mul_scalar_(ct_tensor *a, double s) { CT_RETURN_STATUS(T(a).mul_(s);) }
int ct_mul_(ct_tensor *a, ct_tensor *b) { CT_RETURN_STATUS(T(a).mul_(T(b));) }
int ct_fill_(ct_tensor *a, double value) { CT_RETURN_STATUS(T(a).fill_(value);) }

ct_tensor *ct_matmul(ct_tensor *a, ct_tensor *b) { CT_RETURN_TENSOR(at::matmul(T(a), T(b))) }
ct_tensor *ct_linear(ct_tensor *x, ct_tensor *w, ct_tensor *b) {
  CT_RETURN_TENSOR(at::linear(T(x), T(w), ctorch::optional(b)))
}
ct_tensor *ct_reduce(ct_reduce_op op, ct_tensor *a, const int64_t *dims, int ndims,
                     bool keepdim) {
  CT_RETURN_TENSOR(reduce(op, T(a), ints(dims, ndims), keepdim))
}
ct_tensor *ct_norm(ct_tensor *a, double p) { CT_RETURN_TENSOR(at::norm(T(a), p)) }
int ct_topk(ct_tensor *a, int64_t k, int64_t dim, bool largest, ct_tensor **values,
            ct_tensor **indices) {
  CT_RETURN_STATUS({
    auto [v, i] = at::topk(T(a), k, dim, largest, true);
    *values = ctorch::wrap(v);
    *indices = ctorch::wrap(i);
  })
}
ct_tensor *ct_cumsum(ct_tensor *a, int64_t dim) { CT_RETURN_TENSOR(at::cumsum(T(a), dim)) }

ct_tensor *ct_reshape(ct_tensor *a, const int64_t *shape, int ndim) {
  CT_RETURN_TENSOR(T(a).reshape(ints(shape, ndim)))
}
ct_tensor *ct_permute(ct_tensor *a, const int64_t *dims, int ndim) {
  CT_RETURN_TENSOR(T(a).permute(ints(dims, ndim)))
}
ct_tensor *ct_transpose(ct_tensor *a, int64_t d0, int64_t d1) {
  CT_RETURN_TENSOR(T(a).transpose(d0, d1))
}
ct_tensor *ct_expand(ct_tensor *a, const int64_t *shape, int ndim) {
  CT_RETURN_TENSOR(T(a).expand(ints(shape, ndim)))
}
ct_tensor *ct_squeeze(ct_tensor *a, int64_t dim) { CT_RETURN_TENSOR(T(a).squeeze(dim)) }
ct_tensor *ct_unsqueeze(ct_tensor *a, int64_t dim) { CT_RETURN_TENSOR(T(a).unsqueeze(dim)) }
ct_tensor *ct_flip(ct_tensor *a, const int64_t *dims, int ndim) {
  CT_RETURN_TENSOR(T(a).flip(ints(dims, ndim)))
}
ct_tensor *ct_repeat(ct_tensor *a, const int64_t *repeats, int ndim) {
  CT_RETURN_TENSOR(T(a).repeat(ints(repeats, ndim)))
}
ct_tensor *ct_cat(ct_tensor *const *list, int n, int64_t dim) {
  CT_RETURN_TENSOR(at::cat(ctorch::list(list, n), dim))
}
ct_tensor *ct_stack(ct_tensor *const *list, int n, int64_t dim) {
  CT_RETURN_TENSOR(at::stack(ctorch::list(list, n), dim))
}
ct_tensor *ct_slice(ct_tensor *a, int64_t dim, int64_t start, int64_t end, int64_t step) {
  CT_RETURN_TENSOR(T(a).slice(dim, start, end, step))
}
ct_tensor *ct_select(ct_tensor *a, int64_t dim, int64_t index) {
  CT_RETURN_TENSOR(T(a).select(dim, index))
}
ct_tensor *ct_index_select(ct_tensor *a, int64_t dim, ct_tensor *index) {
  CT_RETURN_TENSOR(at::index_select(T(a), dim, T(index)))
}
ct_tensor *ct_gather(ct_tensor *a, int64_t dim, ct_tensor *index) {
  CT_RETURN_TENSOR(at::gather(T(a), dim, T(index)))
}
ct_tensor *ct_scatter(ct_tensor *a, int64_t dim, ct_tensor *index, ct_tensor *src) {
  CT_RETURN_TENSOR(at::scatter(T(a), dim, T(index), T(src)))
}
ct_tensor *ct_one_hot(ct_tensor *indices, int64_t classes) {
  CT_RETURN_TENSOR(at::one_hot(T(indices), classes))
}
ct_tensor *ct_pad(ct_tensor *a, const int64_t *pads, int npads, double value) {
  CT_RETURN_TENSOR(at::constant_pad_nd(T(a), ints(pads, npads), value))
}

}  // extern "C"
