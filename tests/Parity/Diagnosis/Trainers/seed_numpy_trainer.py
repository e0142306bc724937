"""A parity-trainer/1 trainer written the way the seed question wrote its numpy MLP — with one deliberate bug,
chosen by the first argument, for the diagnosis tests:

  correct           the seed code, right: half-SSE gradient, true MSE logged
  lr-half           every update uses half the learning rate
  logs-sse          logs sum((p - t)**2) instead of the mean
  output-delta      forgets sigma'(z) in the output layer's delta
  hidden-derivative uses the hidden layer's output instead of its derivative in the hidden delta
  forward-tanh      the hidden layer computes tanh instead of sigmoid (backprop still sigmoid's)
  lr-decay          halves the learning rate after epoch 200
  explode           from epoch 50 the weights run away (×1e100 per epoch) until the loss is NaN

Sigmoid layers, full batch, plain SGD, float64; bias if the network has it.
"""
import json
import sys

import numpy as np


def sig(x):
    return 1 / (1 + np.exp(-x))


def main():
    bug = sys.argv[1] if len(sys.argv) > 1 else "correct"
    request = json.load(sys.stdin)
    net, training = request["network"], request["training"]
    X = np.array(request["data"]["inputs"], dtype=float)
    Y = np.array(request["data"]["targets"], dtype=float)
    params = {p["name"]: np.array(p["values"], dtype=float).reshape(p["shape"]) for p in request["initialParameters"]}
    depth = len(net["layers"]) - 1
    W = [params[f"{l}.weight"].T.copy() for l in range(depth)]  # numpy layout (in, out)
    b = [params[f"{l}.bias"].copy() if net["bias"] else np.zeros(net["layers"][l + 1]) for l in range(depth)]
    lr = training["learningRate"]
    keep = request.get("record", {}).get("stepDetails", 0)
    losses, steps = [], []

    with np.errstate(all="ignore"):
        for epoch in range(training["epochs"]):
            if bug == "lr-decay" and epoch == 200:
                lr /= 2
            if bug == "explode" and epoch >= 50:
                W = [w * 1e100 for w in W]
            layers = [X]
            for l in range(depth):
                z = layers[-1] @ W[l] + b[l]
                layers.append(np.tanh(z) if bug == "forward-tanh" and l < depth - 1 else sig(z))
            out = layers[-1]
            losses.append(float(np.sum((out - Y) ** 2)) if bug == "logs-sse" else float(np.mean((out - Y) ** 2)))

            delta = (out - Y) if bug == "output-delta" else (out - Y) * out * (1 - out)
            dW, db = [None] * depth, [None] * depth
            for l in reversed(range(depth)):
                dW[l] = layers[l].T @ delta
                db[l] = delta.sum(axis=0)
                if l > 0:
                    a = layers[l]
                    derivative = a if bug == "hidden-derivative" else a * (1 - a)
                    delta = (delta @ W[l].T) * derivative
            step_lr = lr / 2 if bug == "lr-half" else lr
            for l in range(depth):
                W[l] -= step_lr * dW[l]
                if net["bias"]:
                    b[l] -= step_lr * db[l]
            if len(steps) < keep:
                steps.append({"step": len(steps), "gradients": export(dW, db, net["bias"]),
                              "parameters": export(W, b, net["bias"])})

    print(json.dumps({"losses": [wire(v) for v in losses], "steps": steps,
                      "finalParameters": export(W, b, net["bias"])}))


def export(W, b, bias):
    out = []
    for l, w in enumerate(W):
        out.append({"name": f"{l}.weight", "shape": [w.shape[1], w.shape[0]], "values": [wire(v) for v in w.T.flatten()]})
        if bias:
            out.append({"name": f"{l}.bias", "shape": [len(b[l])], "values": [wire(v) for v in b[l]]})
    return out


def wire(v):
    v = float(v)
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    return v


if __name__ == "__main__":
    main()
