# SPDX-License-Identifier: Apache-2.0
"""The benchmark's CRNN in Python PyTorch: the same model, data shapes and step as
Sources/ReferenceModels/CRNN.swift and `attention-ocr bench`.

Run by `attention-ocr bench` with .deps/pytorch-venv/bin/python (the same torch wheel). With
--serve it prints "ready" and then answers commands on stdin, one per line, so the Swift side
can alternate single steps with it:
    train N   run N timed training steps, print their times in ms as a JSON list
    infer N   run N timed single-image inferences, likewise
Without --serve it times everything itself and prints one JSON object.
"""
import argparse
import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class CRNN(nn.Module):
    channels = [64, 128, 256, 256, 512, 512]
    pools = [(2, 2), (2, 2), None, (2, 1), None, (2, 1)]

    def __init__(self, classes):
        super().__init__()
        convs, norms, inp = [], {}, 1
        for i, out in enumerate(self.channels):
            normed = i in (2, 4)
            convs.append(nn.Conv2d(inp, out, 3, padding=1, bias=not normed))
            if normed:
                norms[str(i)] = nn.BatchNorm2d(out)
            inp = out
        self.convs = nn.ModuleList(convs)
        self.norms = nn.ModuleDict(norms)
        self.lstm = nn.LSTM(512, 256, bidirectional=True)
        self.classifier = nn.Linear(512, classes)

    def forward(self, x):  # [N, 1, 32, W] -> [W/4, N, classes]
        for i, conv in enumerate(self.convs):
            x = conv(x)
            if str(i) in self.norms:
                x = self.norms[str(i)](x)
            x = F.relu(x)
            if self.pools[i]:
                x = F.max_pool2d(x, self.pools[i])
        x = F.max_pool2d(x, (2, 1)).squeeze(2).permute(2, 0, 1)
        return self.classifier(self.lstm(x)[0])


def timed(fn, warmup, repeats, sync):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        sync()
        start = time.perf_counter()
        fn()
        sync()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def serve(model, train_step, infer, sync):
    print("ready", flush=True)
    for line in sys.stdin:
        command, count = line.split()
        step = train_step if command == "train" else infer
        model.train(command == "train")
        times = []
        for _ in range(int(count)):
            sync()
            start = time.perf_counter()
            step()
            sync()
            times.append((time.perf_counter() - start) * 1000)
        print(json.dumps(times), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--inference-repeats", type=int, default=30)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--classes", type=int, default=5463)
    parser.add_argument("--serve", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    device = torch.device(args.device)
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)

    model = CRNN(args.classes).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4, fused=True)
    images = torch.randn(32, 1, 32, 256, device=device)
    targets = torch.randint(1, args.classes, (32, 10), device=device)
    input_lengths = [64] * 32
    target_lengths = [10] * 32

    def train_step():
        optimizer.zero_grad(set_to_none=True)
        log_probs = model(images).log_softmax(2)
        loss = F.ctc_loss(log_probs, targets, input_lengths, target_lengths, zero_infinity=True)
        loss.backward()
        optimizer.step()

    single = torch.randn(1, 1, 32, 256, device=device)

    def infer():
        with torch.no_grad():
            model(single).argmax(2)

    if args.serve:
        serve(model, train_step, infer, sync)
        return
    model.train()
    train_ms = timed(train_step, args.warmup, args.steps, sync)
    model.eval()
    infer_ms = timed(infer, args.warmup, args.inference_repeats, sync)
    print(json.dumps({"train_ms": train_ms, "infer_ms": infer_ms, "torch": torch.__version__,
                      "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
