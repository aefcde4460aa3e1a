# SPDX-License-Identifier: Apache-2.0
"""The compact model's training step in Python PyTorch: the same layers, shapes, loss, gradient
clipping and fused AdamW as Sources/OCRModel/CompactModel.swift and its Trainer, for
`attention-ocr bench model`.

Run with .deps/pytorch-venv/bin/python (the same torch wheel). With --serve it prints "ready"
and answers "train N" on stdin with N step times in ms as a JSON list (see crnn.py).
"""
import argparse
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crnn import serve  # noqa: E402


class CompactModel(nn.Module):
    pools = [(2, 2), (2, 2), None, (2, 1), (2, 1), None]

    def __init__(self, classes, channels=(16, 32, 64, 96, 128, 192), encoder=128, decoder=256,
                 embedding=128, attention=128, dropout=0.1):
        super().__init__()
        convs, norms, inp = [], [], 1
        for i, out in enumerate(channels):
            last = i == len(channels) - 1
            convs.append(nn.Conv2d(inp, out, (2, 3) if last else 3, padding=(0, 1) if last else 1,
                                   bias=False))
            norms.append(nn.BatchNorm2d(out))
            inp = out
        self.convs, self.norms = nn.ModuleList(convs), nn.ModuleList(norms)
        memory = 2 * encoder
        self.encoder = nn.LSTM(channels[-1], encoder, bidirectional=True, batch_first=True)
        self.embedding = nn.Embedding(classes + 1, embedding)
        self.cell = nn.LSTMCell(embedding + memory, decoder)
        self.key = nn.Linear(memory, attention, bias=False)
        self.query = nn.Linear(decoder, attention)
        self.score = nn.Linear(attention, 1, bias=False)
        self.output = nn.Linear(decoder + memory, decoder)
        self.classifier = nn.Linear(decoder, classes)
        self.classes, self.dropout = classes, dropout

    def forward(self, x, targets):  # [N, 1, 32, W], [N, S] -> logits [N, S, K]
        for conv, norm, pool in zip(self.convs, self.norms, self.pools):
            x = F.relu(norm(conv(x)))
            if pool:
                x = F.max_pool2d(x, pool, pool, ceil_mode=True)
        memory = self.encoder(x.squeeze(2).transpose(1, 2))[0]  # [N, T, 2H]
        keys = self.key(memory)
        n, steps = targets.shape
        previous = torch.full((n,), self.classes, dtype=torch.long, device=x.device)
        h = c = torch.zeros(n, self.cell.hidden_size, device=x.device)
        context = torch.zeros(n, memory.shape[2], device=x.device)
        features = []
        for t in range(steps):
            inp = torch.cat([self.embedding(previous), context], 1)
            h, c = self.cell(F.dropout(inp, self.dropout, self.training), (h, c))
            energy = self.score(torch.tanh(keys + self.query(h).unsqueeze(1))).squeeze(2)
            weights = energy.softmax(1)
            context = torch.bmm(weights.unsqueeze(1), memory).squeeze(1)
            features.append(torch.tanh(self.output(torch.cat([h, context], 1))))
            previous = targets[:, t]
        # The classifier once over all steps, as the Swift decoder does when teacher-forced.
        return self.classifier(F.dropout(torch.stack(features, 1), self.dropout, self.training))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--classes", type=int, default=5463)
    parser.add_argument("--width", type=int, default=256)
    parser.add_argument("--length", type=int, default=10)
    parser.add_argument("--channels", default="16,32,64,96,128,192",
                        help="conv channels of the six layers, as the Swift model's config")
    parser.add_argument("--serve", action="store_true", required=True)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    device = torch.device(args.device)
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)

    channels = tuple(int(c) for c in args.channels.split(","))
    model = CompactModel(args.classes, channels=channels).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4, fused=True)
    images = torch.randn(32, 1, 32, args.width, device=device)
    text = torch.randint(0, args.classes - 1, (32, args.length), device=device)
    targets = torch.cat([text, torch.full((32, 1), args.classes - 1, device=device)], 1)

    def train_step():
        optimizer.zero_grad(set_to_none=True)
        logits = model(images, targets)
        loss = F.cross_entropy(logits.reshape(-1, args.classes), targets.reshape(-1), ignore_index=-100,
                               label_smoothing=0.1)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()

    serve(model, train_step, train_step, sync)


if __name__ == "__main__":
    main()
