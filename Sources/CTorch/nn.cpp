// SPDX-License-Identifier: Apache-2.0
// Neural-network functions: convolution, pooling, normalisation, recurrence, losses.
#include "internal.h"

namespace {

at::IntArrayRef pair(const int64_t *values) { return at::IntArrayRef(values, 2); }

}  // namespace

extern "C" {

ct_tensor *ct_softmax(ct_tensor *a, int64_t dim) { CT_RETURN_TENSOR(at::softmax(T(a), dim)) }

ct_tensor *ct_log_softmax(ct_tensor *a, int64_t dim) {
  CT_RETURN_TENSOR(at::log_softmax(T(a), dim))
}

ct_tensor *ct_conv2d(ct_tensor *x, ct_tensor *w, ct_tensor *bias, const int64_t *stride,
                     const int64_t *padding, const int64_t *dilation, int64_t groups) {
  CT_RETURN_TENSOR(at::conv2d(T(x), T(w), ctorch::optional(bias), pair(stride), pair(padding),
                              pair(dilation), groups))
}

ct_tensor *ct_max_pool2d(ct_tensor *x, const int64_t *kernel, const int64_t *stride,
                         const int64_t *padding, bool ceil_mode) {
  CT_RETURN_TENSOR(at::max_pool2d(T(x), pair(kernel), pair(stride), pair(padding),
                                  at::IntArrayRef({1, 1}), ceil_mode))
}

ct_tensor *ct_avg_pool2d(ct_tensor *x, const int64_t *kernel, const int64_t *stride,
                         const int64_t *padding, bool ceil_mode, bool count_include_pad) {
  CT_RETURN_TENSOR(at::avg_pool2d(T(x), pair(kernel), pair(stride), pair(padding), ceil_mode,
                                  count_include_pad))
}

ct_tensor *ct_adaptive_avg_pool2d(ct_tensor *x, const int64_t *output_size) {
  CT_RETURN_TENSOR(at::adaptive_avg_pool2d(T(x), pair(output_size)))
}

ct_tensor *ct_batch_norm(ct_tensor *x, ct_tensor *weight, ct_tensor *bias,
                         ct_tensor *running_mean, ct_tensor *running_var, bool training,
                         double momentum, double eps) {
  CT_RETURN_TENSOR(at::batch_norm(T(x), ctorch::optional(weight), ctorch::optional(bias),
                                  ctorch::optional(running_mean), ctorch::optional(running_var),
                                  training, momentum, eps, /*cudnn_enabled=*/true))
}

ct_tensor *ct_layer_norm(ct_tensor *x, const int64_t *normalized_shape, int ndim,
                         ct_tensor *weight, ct_tensor *bias, double eps) {
  CT_RETURN_TENSOR(at::layer_norm(T(x), at::IntArrayRef(normalized_shape, ndim),
                                  ctorch::optional(weight), ctorch::optional(bias), eps))
}

ct_tensor *ct_dropout(ct_tensor *x, double p, bool training) {
  CT_RETURN_TENSOR(at::dropout(T(x), p, training))
}

ct_tensor *ct_embedding(ct_tensor *weight, ct_tensor *indices, int64_t padding_idx) {
  CT_RETURN_TENSOR(at::embedding(T(weight), T(indices), padding_idx))
}

int ct_lstm(ct_tensor *x, ct_tensor *h0, ct_tensor *c0, ct_tensor *const *params, int nparams,
            bool has_biases, int64_t num_layers, double dropout, bool training,
            bool bidirectional, bool batch_first, ct_tensor **out) {
  CT_RETURN_STATUS({
    auto weights = ctorch::list(params, nparams);
    auto [y, h, c] = at::lstm(T(x), {T(h0), T(c0)}, weights, has_biases, num_layers, dropout,
                              training, bidirectional, batch_first);
    out[0] = ctorch::wrap(y);
    out[1] = ctorch::wrap(h);
    out[2] = ctorch::wrap(c);
  })
}

int ct_lstm_cell(ct_tensor *x, ct_tensor *h, ct_tensor *c, ct_tensor *w_ih, ct_tensor *w_hh,
                 ct_tensor *b_ih, ct_tensor *b_hh, ct_tensor **out) {
  CT_RETURN_STATUS({
    auto [h1, c1] = at::lstm_cell(T(x), {T(h), T(c)}, T(w_ih), T(w_hh), ctorch::optional(b_ih),
                                  ctorch::optional(b_hh));
    out[0] = ctorch::wrap(h1);
    out[1] = ctorch::wrap(c1);
  })
}

ct_tensor *ct_cross_entropy(ct_tensor *logits, ct_tensor *target, ct_tensor *weight,
                            int64_t reduction, int64_t ignore_index, double label_smoothing) {
  CT_RETURN_TENSOR(at::cross_entropy_loss(T(logits), T(target), ctorch::optional(weight),
                                          reduction, ignore_index, label_smoothing))
}

ct_tensor *ct_ctc_loss(ct_tensor *log_probs, ct_tensor *targets, const int64_t *input_lengths,
                       const int64_t *target_lengths, int64_t batch, int64_t blank,
                       int64_t reduction, bool zero_infinity) {
  CT_RETURN_TENSOR(at::ctc_loss(T(log_probs), T(targets), at::IntArrayRef(input_lengths, batch),
                                at::IntArrayRef(target_lengths, batch), blank, reduction,
                                zero_infinity))
}

ct_tensor *ct_mse_loss(ct_tensor *a, ct_tensor *b, int64_t reduction) {
  CT_RETURN_TENSOR(at::mse_loss(T(a), T(b), reduction))
}

}  // extern "C"
