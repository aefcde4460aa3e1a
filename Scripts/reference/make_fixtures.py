# SPDX-License-Identifier: Apache-2.0
"""Writes the golden fixtures the Swift tests compare against, computed by PyTorch itself.

Run with the Python PyTorch that scripts/setup --with-pytorch installs (the same torch wheel
the Swift code links):

    .deps/pytorch-venv/bin/python Scripts/reference/make_fixtures.py

Each case is one safetensors file. Keys:
  input, upstream       the input and the upstream gradient; the loss is sum(output * upstream)
  output                the forward result
  grad.input            d loss / d input
  param.<name>          the module's state_dict before the forward pass
  grad.param.<name>     d loss / d parameter
  after.<name>          parameters after optimizer steps (optimizer cases)
  buffer_after.<name>   buffers after the forward pass (batch norm running statistics)
"""
import os

import torch
import torch.nn.functional as F
from safetensors.torch import save_file

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TORCH_FIXTURES = os.path.join(ROOT, "Tests", "TorchTests", "Fixtures")
NN_FIXTURES = os.path.join(ROOT, "Tests", "NNTests", "Fixtures")


def save(folder, name, tensors):
    os.makedirs(folder, exist_ok=True)
    tensors = {k: v.detach().contiguous() for k, v in tensors.items()}
    save_file(tensors, os.path.join(folder, name + ".safetensors"))


def functional_case(name, fn, *inputs, extra=None):
    """fn(*inputs) -> output; every floating input gets a gradient."""
    inputs = [x.clone().requires_grad_(x.is_floating_point()) for x in inputs]
    out = fn(*inputs)
    upstream = torch.randn_like(out)
    (out * upstream).sum().backward()
    tensors = {"output": out, "upstream": upstream}
    for i, x in enumerate(inputs):
        tensors[f"input{i}"] = x
        if x.grad is not None:
            tensors[f"grad.input{i}"] = x.grad
    tensors.update(extra or {})
    save(TORCH_FIXTURES, name, tensors)


def module_case(name, module, x, train=True, forward=None):
    module.train(train)
    params = {f"param.{k}": v.clone() for k, v in module.state_dict().items()}
    x = x.clone().requires_grad_(x.is_floating_point())
    out = forward(module, x) if forward else module(x)
    upstream = torch.randn_like(out)
    (out * upstream).sum().backward()
    tensors = {"input": x, "output": out, "upstream": upstream, **params}
    if x.grad is not None:
        tensors["grad.input"] = x.grad
    for k, p in module.named_parameters():
        tensors[f"grad.param.{k}"] = p.grad
    for k, b in module.named_buffers():
        tensors[f"buffer_after.{k}"] = b
    save(NN_FIXTURES, name, tensors)


def optimizer_case(name, make_optimizer, clip=None):
    """Three steps of a small Linear+Conv model on fixed data."""
    model = torch.nn.Sequential(torch.nn.Linear(6, 5), torch.nn.Tanh(), torch.nn.Linear(5, 3))
    x = torch.randn(4, 6)
    target = torch.randn(4, 3)
    params = {f"param.{k}": v.clone() for k, v in model.state_dict().items()}
    opt = make_optimizer(model.parameters())
    for _ in range(3):
        opt.zero_grad()
        loss = ((model(x) - target) ** 2).mean()
        loss.backward()
        if clip == "global":
            torch.nn.utils.clip_grad_norm_(model.parameters(), 0.05)
        elif clip == "each":
            for p in model.parameters():  # TensorFlow's clip_by_norm per variable
                n = p.grad.norm()
                p.grad.mul_(0.05 / torch.clamp(n, min=0.05))
        opt.step()
    after = {f"after.{k}": v for k, v in model.state_dict().items()}
    save(NN_FIXTURES, name, {"x": x, "target": target, **params, **after})


def main():
    torch.manual_seed(1234)
    torch.set_num_threads(1)

    # Functional ops (TorchTests).
    x = torch.randn(3, 7)
    functional_case("softmax", lambda a: F.softmax(a, dim=-1), x)
    functional_case("log_softmax", lambda a: F.log_softmax(a, dim=1), x)
    functional_case("matmul", lambda a, b: a @ b, torch.randn(2, 3, 4), torch.randn(4, 5))
    functional_case("broadcast_arith", lambda a, b: (a * b + a / (b.abs() + 1) - 0.5).tanh(),
                    torch.randn(3, 1, 4), torch.randn(2, 4))
    functional_case("reductions", lambda a: torch.stack([a.sum(), a.mean(), a.amax(), a.std()]),
                    torch.randn(4, 5))
    img = torch.randn(2, 3, 9, 11)
    functional_case("conv2d", lambda a, w, b: F.conv2d(a, w, b, stride=2, padding=1),
                    img, torch.randn(4, 3, 3, 3), torch.randn(4))
    functional_case("max_pool2d", lambda a: F.max_pool2d(a, (2, 3), stride=(2, 1), padding=(1, 1)), img)
    functional_case("avg_pool2d", lambda a: F.avg_pool2d(a, 2, stride=2), img)
    running_mean, running_var = torch.randn(3), torch.rand(3) + 0.5
    functional_case("batch_norm_eval",
                    lambda a, w, b: F.batch_norm(a, running_mean, running_var, w, b, training=False),
                    img, torch.randn(3), torch.randn(3),
                    extra={"running_mean": running_mean, "running_var": running_var})
    functional_case("gather_select",
                    lambda a: torch.cat([a.gather(1, torch.tensor([[0, 2], [1, 1], [3, 0]])),
                                         a.index_select(1, torch.tensor([3, 1]))], 1),
                    torch.randn(3, 4))
    logits = torch.randn(6, 5)
    targets = torch.tensor([0, 4, -100, 2, 1, 3])
    functional_case("cross_entropy",
                    lambda a: F.cross_entropy(a, targets, ignore_index=-100, label_smoothing=0.1),
                    logits, extra={"targets": targets})
    seq = torch.randn(4, 3, 8, 7)  # [N, T, V, ...] for a 2-D class axis test
    nd_targets = torch.randint(0, 8, (4, 3, 7))
    functional_case("cross_entropy_nd",
                    lambda a: F.cross_entropy(a.permute(0, 2, 1, 3), nd_targets, reduction="sum"),
                    seq, extra={"targets": nd_targets})
    torch.manual_seed(99)
    ctc_targets = torch.tensor([[1, 2, 2], [3, 1, 0]])
    functional_case("ctc",
                    lambda a: F.ctc_loss(a.log_softmax(2), ctc_targets, [10, 8], [3, 2], blank=0),
                    torch.randn(10, 2, 5), extra={"targets": ctc_targets})

    # Layers (NNTests).
    module_case("linear", torch.nn.Linear(5, 3), torch.randn(2, 4, 5))
    module_case("conv2d", torch.nn.Conv2d(3, 4, (3, 2), stride=(1, 2), padding=(1, 0)), torch.randn(2, 3, 6, 8))
    module_case("batchnorm2d_train", torch.nn.BatchNorm2d(3), torch.randn(4, 3, 5, 5) * 2 + 1)
    bn = torch.nn.BatchNorm2d(3)
    with torch.no_grad():
        bn.running_mean.copy_(torch.randn(3))
        bn.running_var.copy_(torch.rand(3) + 0.5)
        bn.weight.copy_(torch.randn(3))
    module_case("batchnorm2d_eval", bn, torch.randn(2, 3, 4, 4), train=False)
    emb = torch.nn.Embedding(10, 4, padding_idx=0)
    emb_ix = torch.tensor([[1, 0, 9], [3, 3, 2]])
    emb.train()
    out = emb(emb_ix)
    upstream = torch.randn_like(out)
    (out * upstream).sum().backward()
    save(NN_FIXTURES, "embedding", {"indices": emb_ix, "output": out, "upstream": upstream,
                                    "param.weight": emb.weight, "grad.param.weight": emb.weight.grad})
    module_case("lstm_bidirectional_2layer",
                torch.nn.LSTM(6, 5, num_layers=2, bidirectional=True), torch.randn(7, 3, 6), train=False,
                forward=lambda m, a: m(a)[0])
    module_case("lstm_batch_first", torch.nn.LSTM(4, 3, batch_first=True), torch.randn(2, 5, 4), train=False,
                forward=lambda m, a: torch.cat([m(a)[0].flatten(), m(a)[1][1].flatten()]))
    cell = torch.nn.LSTMCell(4, 6)
    h0, c0 = torch.randn(3, 6), torch.randn(3, 6)
    module_case("lstm_cell", cell, torch.randn(3, 4),
                forward=lambda m, a: torch.cat(m(a, (h0, c0)), 1))
    save(NN_FIXTURES, "lstm_cell_state", {"h0": h0, "c0": c0})

    # Optimizers and clipping.
    torch.manual_seed(7)
    optimizer_case("sgd_momentum", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, weight_decay=0.01))
    optimizer_case("sgd_nesterov", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.8, nesterov=True))
    optimizer_case("adam", lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.001))
    optimizer_case("adamw", lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1))
    optimizer_case("sgd_clip_global", lambda p: torch.optim.SGD(p, lr=0.5), clip="global")
    optimizer_case("sgd_clip_each", lambda p: torch.optim.SGD(p, lr=0.5), clip="each")

    # Activations, shape ops and the remaining losses (own seed, so earlier fixtures stay put).
    torch.manual_seed(2024)
    a = torch.randn(3, 5)
    functional_case("activations",
                    lambda t: torch.stack([F.relu(t), torch.sigmoid(t), torch.tanh(t), F.gelu(t),
                                           F.leaky_relu(t, 0.2), t.exp(), (t.abs() + 0.1).log(),
                                           (t.abs() + 0.1).sqrt(), t.square(), t.clamp(-0.5, 0.5)]),
                    a)
    functional_case("shape_ops",
                    lambda t: torch.cat([t.permute(1, 0, 2).reshape(-1), t.flip(2).flatten(),
                                         F.pad(t, (1, 2), value=0.5).flatten(), t.transpose(0, 2).flatten(),
                                         t[:, 1:3, ::2].flatten(), t.expand(2, 2, 3, 4).flatten(),
                                         t.repeat(1, 2, 1).flatten()]),
                    torch.randn(2, 3, 4))
    functional_case("where_masked_fill",
                    lambda t, u: torch.where(t > 0, t, u).masked_fill(u < -1, 0.0),
                    torch.randn(4, 4), torch.randn(4, 4))
    functional_case("mse", lambda t, u: F.mse_loss(t, u), torch.randn(3, 4), torch.randn(3, 4))
    functional_case("layer_norm", lambda t, w, b: F.layer_norm(t, (6,), w, b),
                    torch.randn(2, 3, 6), torch.randn(6), torch.randn(6))
    functional_case("log_sum_exp_var", lambda t: torch.cat([t.logsumexp(1), t.var(0), t.amax(1), t.amin(0)]),
                    torch.randn(4, 5))


if __name__ == "__main__":
    main()
