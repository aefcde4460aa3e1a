// SPDX-License-Identifier: Apache-2.0
// Fused optimizer kernels and list-wise helpers used for gradient clipping.
#include "internal.h"

extern "C" {

int ct_fused_sgd_(ct_tensor *const *params, ct_tensor *const *grads, ct_tensor *const *momenta,
                  int n, double lr, double momentum, double dampening, double weight_decay,
                  bool nesterov, bool is_first_step) {
  CT_RETURN_STATUS({
    at::NoGradGuard no_grad;
    std::vector<at::Tensor> buffers;
    if (momentum != 0) buffers = ctorch::list(momenta, n);
    at::_fused_sgd_(ctorch::list(params, n), ctorch::list(grads, n), buffers, weight_decay,
                    momentum, lr, dampening, nesterov, /*maximize=*/false, is_first_step);
  })
}

int ct_fused_adam_(ct_tensor *const *params, ct_tensor *const *grads, ct_tensor *const *exp_avgs,
                   ct_tensor *const *exp_avg_sqs, ct_tensor *const *steps, int n, double lr,
                   double beta1, double beta2, double weight_decay, double eps, bool decoupled) {
  CT_RETURN_STATUS({
    at::NoGradGuard no_grad;
    auto p = ctorch::list(params, n);
    auto g = ctorch::list(grads, n);
    auto m = ctorch::list(exp_avgs, n);
    auto v = ctorch::list(exp_avg_sqs, n);
    auto s = ctorch::list(steps, n);
    // PyTorch's fused path increments the step counters before the kernel runs.
    at::_foreach_add_(s, 1);
    if (decoupled) {
      at::_fused_adamw_(p, g, m, v, {}, s, lr, beta1, beta2, weight_decay, eps, false, false);
    } else {
      at::_fused_adam_(p, g, m, v, {}, s, lr, beta1, beta2, weight_decay, eps, false, false);
    }
  })
}

ct_tensor *ct_foreach_norm(ct_tensor *const *list, int n) {
  CT_GUARD(nullptr, {
    auto norms = at::_foreach_norm(ctorch::list(list, n), 2);
    return ctorch::wrap(at::stack(norms).to(at::kFloat));
  })
}

int ct_foreach_mul_(ct_tensor *const *list, int n, ct_tensor *scale) {
  CT_RETURN_STATUS({
    at::NoGradGuard no_grad;
    at::_foreach_mul_(ctorch::list(list, n), T(scale));
  })
}

}  // extern "C"
