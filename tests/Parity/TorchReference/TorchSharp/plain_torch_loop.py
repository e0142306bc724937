"""A classifier trained the way a PyTorch user writes it, to check the TorchSharp reference against.

    python3 plain_torch_loop.py IRIS_CSV EPOCHS

Reads the CSV with the csv module, builds float tensors and int64 class labels, draws the model's initial weights
after torch.manual_seed(0), and trains nn.Sequential(Linear(4, 16), Tanh(), Linear(16, 3)) with Adam (lr 0.01) on
nn.CrossEntropyLoss, in mini-batches of 16 drawn from numpy's RandomState(0), one permutation per epoch, keeping the
partial last batch; once in float64, once in float32. Prints one JSON object: for each dtype, each epoch's mean batch
loss (taken before each update) and the final parameters, as float64.
"""

import csv
import json
import sys

import numpy as np
import torch
from torch import nn


def train(path, dtype, epochs):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    features = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    x = torch.tensor([[float(row[c]) for c in features] for row in rows], dtype=dtype)
    y = torch.tensor([int(row["species"]) for row in rows], dtype=torch.int64)

    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 3)).to(dtype)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    rng = np.random.RandomState(0)
    batch_size = 16

    losses = []
    for epoch in range(epochs):
        order = rng.permutation(len(x))
        total, batches = 0.0, 0
        for start in range(0, len(x), batch_size):
            index = torch.from_numpy(order[start:start + batch_size])
            optimizer.zero_grad()
            loss = loss_fn(model(x[index]), y[index])
            total += loss.item()
            batches += 1
            loss.backward()
            optimizer.step()
        losses.append(total / batches)

    final = {name: p.detach().double().flatten().tolist() for name, p in model.named_parameters()}
    return {"losses": losses, "final": final}


if __name__ == "__main__":
    csv_path, epoch_count = sys.argv[1], int(sys.argv[2])
    print(json.dumps({"float64": train(csv_path, torch.float64, epoch_count),
                      "float32": train(csv_path, torch.float32, epoch_count)}))
