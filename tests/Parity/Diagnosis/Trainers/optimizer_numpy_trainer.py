"""A parity-trainer/1 trainer with torch.optim's SGD (momentum), Adam and AdamW written in numpy the way ports write
them — with one deliberate departure, chosen by the first argument, for the optimizer diagnosis tests:

  correct                the optimizer of the request, as torch.optim computes it
  no-bias-correction     Adam/AdamW without bias correction: m and v used as they are
  eps-inside-sqrt        Adam/AdamW with eps inside the square root: sqrt(v_hat + eps)
  beta2-0.99             Adam/AdamW with beta2 0.99 whatever the request asks (a port's default)
  l2-instead-of-decoupled  AdamW's weight decay as Adam's L2 (lambda*p added to the gradient)
  lr-inside-momentum     SGD's momentum buffer holds lr*g (b = mu*b + lr*g; p -= b)

Sigmoid layers, full batch, float64; the loss is half-sse or mse (their gradients differ by 2/(N*D)); bias if the
network has it; the true MSE logged before each update; the learning rate decayed as training.schedule (StepLR) asks.
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
    o = training.get("optimizer", {"kind": "sgd"})
    X = np.array(request["data"]["inputs"], dtype=float)
    Y = np.array(request["data"]["targets"], dtype=float)
    given = {p["name"]: np.array(p["values"], dtype=float).reshape(p["shape"]) for p in request["initialParameters"]}
    depth = len(net["layers"]) - 1
    names = [n for l in range(depth) for n in ([f"{l}.weight", f"{l}.bias"] if net["bias"] else [f"{l}.weight"])]
    params = [given[n].copy() for n in names]  # PyTorch layout: weight (out, in)
    lr = training["learningRate"]
    schedule = training.get("schedule")  # StepLR: lr *= gamma every stepSize epochs
    scale = 1.0 if training["loss"] == "half-sse" else 2.0 / Y.size
    keep = request.get("record", {}).get("stepDetails", 0)
    state = [{} for _ in params]
    losses, steps = [], []

    for epoch in range(training["epochs"]):
        t = epoch + 1
        if schedule is not None and epoch > 0 and epoch % schedule["stepSize"] == 0:
            lr *= schedule["gamma"]
        by = dict(zip(names, params))
        layers = [X]
        for l in range(depth):
            z = layers[-1] @ by[f"{l}.weight"].T + (by[f"{l}.bias"] if net["bias"] else 0)
            layers.append(sig(z))
        out = layers[-1]
        losses.append(float(np.mean((out - Y) ** 2)))
        delta = scale * (out - Y) * out * (1 - out)
        grads = {}
        for l in reversed(range(depth)):
            grads[f"{l}.weight"] = delta.T @ layers[l]
            if net["bias"]:
                grads[f"{l}.bias"] = delta.sum(axis=0)
            if l > 0:
                a = layers[l]
                delta = (delta @ by[f"{l}.weight"]) * a * (1 - a)
        g = [grads[n] for n in names]
        for i, (p, gi) in enumerate(zip(params, g)):
            params[i] = update(o, bug, lr, t, p, gi, state[i])
        if len(steps) < keep:
            steps.append({"step": len(steps), "gradients": export(names, g), "parameters": export(names, params)})

    print(json.dumps({"losses": losses, "steps": steps, "finalParameters": export(names, params)}))


def update(o, bug, lr, t, p, g, s):
    kind, wd = o.get("kind", "sgd"), o.get("weightDecay", 0.01 if o.get("kind") == "adamw" else 0.0)
    if kind == "sgd":
        mu = o.get("momentum", 0.0)
        d = g + wd * p
        if mu == 0:
            return p - lr * d
        if bug == "lr-inside-momentum":
            s["b"] = mu * s["b"] + lr * d if "b" in s else lr * d
            return p - s["b"]
        s["b"] = mu * s["b"] + d if "b" in s else d.copy()
        return p - lr * s["b"]
    beta1, beta2 = o.get("betas", [0.9, 0.999])
    if bug == "beta2-0.99":
        beta2 = 0.99
    eps = o.get("eps", 1e-8)
    decoupled = kind == "adamw" and bug != "l2-instead-of-decoupled"
    if decoupled:
        p = p * (1 - lr * wd)
    elif wd:
        g = g + wd * p
    s["m"] = beta1 * s.get("m", 0) + (1 - beta1) * g
    s["v"] = beta2 * s.get("v", 0) + (1 - beta2) * g * g
    c1, c2 = (1.0, 1.0) if bug == "no-bias-correction" else (1 - beta1 ** t, 1 - beta2 ** t)
    denom = np.sqrt(s["v"] / c2 + eps) if bug == "eps-inside-sqrt" else np.sqrt(s["v"]) / np.sqrt(c2) + eps
    return p - lr / c1 * s["m"] / denom


def export(names, tensors):
    return [{"name": n, "shape": list(x.shape), "values": [float(v) for v in x.flatten()]} for n, x in zip(names, tensors)]


if __name__ == "__main__":
    main()
