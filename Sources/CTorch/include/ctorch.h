// SPDX-License-Identifier: Apache-2.0
// ctorch: a plain-C interface over libtorch's ATen.
//
// Rules every entry point follows:
// - Tensors are opaque `ct_tensor` handles. A function that returns one returns a new handle the
//   caller owns and must release with `ct_free`; it returns NULL on failure.
// - Functions that return `int` return 0 on success and -1 on failure.
// - On failure the libtorch message is kept in a thread-local buffer read by `ct_last_error`.
// - No C++ exception ever crosses this boundary.
#ifndef CTORCH_H
#define CTORCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ct_tensor ct_tensor;

/// Element types, numbered independently of libtorch's own enum.
typedef enum {
  CT_FLOAT32 = 0,
  CT_FLOAT16 = 1,
  CT_BFLOAT16 = 2,
  CT_INT64 = 3,
  CT_UINT8 = 4,
  CT_BOOL = 5,
  CT_FLOAT64 = 6,
  CT_INT32 = 7,
} ct_dtype;

typedef enum { CT_CPU = 0, CT_CUDA = 1 } ct_device_type;

// MARK: errors, runtime, bookkeeping

/// The message of the last failure on this thread, or NULL. Valid until the next failing call.
const char *ct_last_error(void);
void ct_clear_error(void);
/// Number of live tensor handles in this process (for leak checks).
int64_t ct_live_tensors(void);
void ct_free(ct_tensor *t);

int ct_manual_seed(uint64_t seed);
int ct_set_num_threads(int n);
int ct_get_num_threads(void);
bool ct_cuda_is_available(void);
int ct_cuda_device_count(void);
/// Waits for all work queued on a CUDA device (a no-op call is an error without CUDA).
int ct_cuda_synchronize(int device_index);
/// Sets whether autograd records operations on this thread; returns the previous setting.
bool ct_set_grad_enabled(bool enabled);
bool ct_is_grad_enabled(void);

// MARK: creation and export

/// Copies `nbytes` of host memory into a new CPU tensor of the given shape and type.
ct_tensor *ct_from_data(const void *data, size_t nbytes, const int64_t *shape, int ndim,
                        ct_dtype dtype);
ct_tensor *ct_full(const int64_t *shape, int ndim, double value, ct_dtype dtype,
                   ct_device_type device, int device_index);
/// `kind`: 0 = standard normal, 1 = uniform [0, 1).
ct_tensor *ct_random(const int64_t *shape, int ndim, int kind, ct_dtype dtype,
                     ct_device_type device, int device_index);
ct_tensor *ct_arange(double start, double end, double step, ct_dtype dtype,
                     ct_device_type device, int device_index);
/// Copies the tensor's elements (as stored in its dtype, row-major) into `dst`.
int ct_copy_to_host(ct_tensor *t, void *dst, size_t nbytes);
/// Copies `src` into `dst` in place (shapes must broadcast); used to load saved weights.
int ct_copy_(ct_tensor *dst, ct_tensor *src);

// MARK: metadata

int ct_ndim(ct_tensor *t);
/// Writes up to `capacity` sizes; returns the rank or -1.
int ct_shape(ct_tensor *t, int64_t *sizes, int capacity);
int ct_dtype_of(ct_tensor *t);
int ct_device_of(ct_tensor *t, int *device_index);
int64_t ct_numel(ct_tensor *t);
/// Returns the value of a one-element tensor as a double.
int ct_item(ct_tensor *t, double *value);

// MARK: conversion and autograd

ct_tensor *ct_to(ct_tensor *t, ct_dtype dtype, ct_device_type device, int device_index);
ct_tensor *ct_detach(ct_tensor *t);
ct_tensor *ct_clone(ct_tensor *t);
ct_tensor *ct_contiguous(ct_tensor *t);
/// A second handle to the same tensor (shares storage and autograd identity).
ct_tensor *ct_alias(ct_tensor *t);
int ct_set_requires_grad(ct_tensor *t, bool requires_grad);
bool ct_requires_grad(ct_tensor *t);
/// Writes the gradient handle (or NULL when none has been computed) into `*grad`.
int ct_grad(ct_tensor *t, ct_tensor **grad);
int ct_zero_grad(ct_tensor *t);
/// `gradient` may be NULL for a scalar output.
int ct_backward(ct_tensor *t, ct_tensor *gradient, bool retain_graph);

// MARK: element-wise

typedef enum {
  CT_ADD, CT_SUB, CT_MUL, CT_DIV, CT_POW, CT_MAXIMUM, CT_MINIMUM,
  CT_EQ, CT_NE, CT_LT, CT_LE, CT_GT, CT_GE, CT_LOGICAL_AND, CT_LOGICAL_OR, CT_REMAINDER,
} ct_binary_op;

typedef enum {
  CT_NEG, CT_EXP, CT_LOG, CT_SQRT, CT_RSQRT, CT_ABS, CT_RELU, CT_SIGMOID, CT_TANH, CT_GELU,
  CT_SIN, CT_COS, CT_FLOOR, CT_CEIL, CT_ROUND, CT_SIGN, CT_LOGICAL_NOT, CT_SQUARE,
  CT_ISNAN, CT_ISFINITE, CT_RECIPROCAL,
} ct_unary_op;

ct_tensor *ct_binary(ct_binary_op op, ct_tensor *a, ct_tensor *b);
ct_tensor *ct_binary_scalar(ct_binary_op op, ct_tensor *a, double b);
ct_tensor *ct_unary(ct_unary_op op, ct_tensor *a);
ct_tensor *ct_leaky_relu(ct_tensor *a, double slope);
ct_tensor *ct_clamp(ct_tensor *a, double min, double max, bool has_min, bool has_max);
ct_tensor *ct_where(ct_tensor *condition, ct_tensor *a, ct_tensor *b);
ct_tensor *ct_masked_fill(ct_tensor *a, ct_tensor *mask, double value);
/// In place: `a += alpha * b`.
int ct_add_(ct_tensor *a, ct_tensor *b, double alpha);
/// In place: `a *= s`.
int ct_mul_scalar_(ct_tensor *a, double s);
/// In place: `a *= b` (b broadcast).
int ct_mul_(ct_tensor *a, ct_tensor *b);
int ct_fill_(ct_tensor *a, double value);

// MARK: linear algebra and reductions

ct_tensor *ct_matmul(ct_tensor *a, ct_tensor *b);
/// `y = x @ wᵀ + b`; `b` may be NULL.
ct_tensor *ct_linear(ct_tensor *x, ct_tensor *w, ct_tensor *b);

typedef enum {
  CT_SUM, CT_MEAN, CT_MAX, CT_MIN, CT_ARGMAX, CT_ARGMIN, CT_PROD, CT_LOGSUMEXP, CT_ALL, CT_ANY,
  CT_VAR, CT_STD,
} ct_reduce_op;

/// Reduces over `dims` (`ndims` == 0 reduces over every element; ARGMAX/ARGMIN/LOGSUMEXP need one).
ct_tensor *ct_reduce(ct_reduce_op op, ct_tensor *a, const int64_t *dims, int ndims, bool keepdim);
/// The p-norm over all elements.
ct_tensor *ct_norm(ct_tensor *a, double p);
/// Top-k values and indices along `dim`.
int ct_topk(ct_tensor *a, int64_t k, int64_t dim, bool largest, ct_tensor **values,
            ct_tensor **indices);
ct_tensor *ct_cumsum(ct_tensor *a, int64_t dim);

// MARK: shape and indexing

ct_tensor *ct_reshape(ct_tensor *a, const int64_t *shape, int ndim);
ct_tensor *ct_permute(ct_tensor *a, const int64_t *dims, int ndim);
ct_tensor *ct_transpose(ct_tensor *a, int64_t d0, int64_t d1);
ct_tensor *ct_expand(ct_tensor *a, const int64_t *shape, int ndim);
ct_tensor *ct_squeeze(ct_tensor *a, int64_t dim);
ct_tensor *ct_unsqueeze(ct_tensor *a, int64_t dim);
ct_tensor *ct_flip(ct_tensor *a, const int64_t *dims, int ndim);
ct_tensor *ct_repeat(ct_tensor *a, const int64_t *repeats, int ndim);
ct_tensor *ct_cat(ct_tensor *const *list, int n, int64_t dim);
ct_tensor *ct_stack(ct_tensor *const *list, int n, int64_t dim);
ct_tensor *ct_slice(ct_tensor *a, int64_t dim, int64_t start, int64_t end, int64_t step);
ct_tensor *ct_select(ct_tensor *a, int64_t dim, int64_t index);
ct_tensor *ct_index_select(ct_tensor *a, int64_t dim, ct_tensor *index);
ct_tensor *ct_gather(ct_tensor *a, int64_t dim, ct_tensor *index);
ct_tensor *ct_scatter(ct_tensor *a, int64_t dim, ct_tensor *index, ct_tensor *src);
ct_tensor *ct_one_hot(ct_tensor *indices, int64_t classes);
ct_tensor *ct_pad(ct_tensor *a, const int64_t *pads, int npads, double value);

// MARK: neural-network functions

ct_tensor *ct_softmax(ct_tensor *a, int64_t dim);
ct_tensor *ct_log_softmax(ct_tensor *a, int64_t dim);
/// `bias` may be NULL. `stride`, `padding`, `dilation` have two entries each.
ct_tensor *ct_conv2d(ct_tensor *x, ct_tensor *w, ct_tensor *bias, const int64_t *stride,
                     const int64_t *padding, const int64_t *dilation, int64_t groups);
ct_tensor *ct_max_pool2d(ct_tensor *x, const int64_t *kernel, const int64_t *stride,
                         const int64_t *padding, bool ceil_mode);
ct_tensor *ct_avg_pool2d(ct_tensor *x, const int64_t *kernel, const int64_t *stride,
                         const int64_t *padding, bool ceil_mode, bool count_include_pad);
ct_tensor *ct_adaptive_avg_pool2d(ct_tensor *x, const int64_t *output_size);
/// Any of `weight`, `bias`, `running_mean`, `running_var` may be NULL. In training mode the
/// running statistics are updated in place.
ct_tensor *ct_batch_norm(ct_tensor *x, ct_tensor *weight, ct_tensor *bias,
                         ct_tensor *running_mean, ct_tensor *running_var, bool training,
                         double momentum, double eps);
ct_tensor *ct_layer_norm(ct_tensor *x, const int64_t *normalized_shape, int ndim,
                         ct_tensor *weight, ct_tensor *bias, double eps);
ct_tensor *ct_dropout(ct_tensor *x, double p, bool training);
ct_tensor *ct_embedding(ct_tensor *weight, ct_tensor *indices, int64_t padding_idx);
/// Fused LSTM over a sequence. `params` holds, per layer and direction, w_ih, w_hh, b_ih, b_hh
/// (without the biases when `has_biases` is false). `h0`/`c0`: [layers·dirs, N, H].
/// Writes output, h_n, c_n into `out[0..2]`.
int ct_lstm(ct_tensor *x, ct_tensor *h0, ct_tensor *c0, ct_tensor *const *params, int nparams,
            bool has_biases, int64_t num_layers, double dropout, bool training,
            bool bidirectional, bool batch_first, ct_tensor **out);
/// One LSTM step. `b_ih`/`b_hh` may be NULL. Writes h', c' into `out[0..1]`.
int ct_lstm_cell(ct_tensor *x, ct_tensor *h, ct_tensor *c, ct_tensor *w_ih, ct_tensor *w_hh,
                 ct_tensor *b_ih, ct_tensor *b_hh, ct_tensor **out);

/// `reduction`: 0 none, 1 mean, 2 sum (libtorch's numbering).
ct_tensor *ct_cross_entropy(ct_tensor *logits, ct_tensor *target, ct_tensor *weight,
                            int64_t reduction, int64_t ignore_index, double label_smoothing);
ct_tensor *ct_ctc_loss(ct_tensor *log_probs, ct_tensor *targets, const int64_t *input_lengths,
                       const int64_t *target_lengths, int64_t batch, int64_t blank,
                       int64_t reduction, bool zero_infinity);
ct_tensor *ct_mse_loss(ct_tensor *a, ct_tensor *b, int64_t reduction);

// MARK: optimizer kernels (in place, over lists of equal length)

int ct_fused_sgd_(ct_tensor *const *params, ct_tensor *const *grads, ct_tensor *const *momenta,
                  int n, double lr, double momentum, double dampening, double weight_decay,
                  bool nesterov, bool is_first_step);
/// `decoupled` selects AdamW's weight decay. `steps` are one-element float32 tensors.
int ct_fused_adam_(ct_tensor *const *params, ct_tensor *const *grads, ct_tensor *const *exp_avgs,
                   ct_tensor *const *exp_avg_sqs, ct_tensor *const *steps, int n, double lr,
                   double beta1, double beta2, double weight_decay, double eps, bool decoupled);
/// Writes the L2 norm of every tensor into `norms` (a new 1-D float32 tensor of length n).
ct_tensor *ct_foreach_norm(ct_tensor *const *list, int n);
/// In place: multiplies each `list[i]` by the one-element tensor `scale` (no host sync).
int ct_foreach_mul_(ct_tensor *const *list, int n, ct_tensor *scale);

#ifdef __cplusplus
}
#endif

#endif
