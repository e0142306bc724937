"""Parity's PyTorch reference worker.

One long-lived process serves a whole test run: it imports torch once, then answers one JSON request per
line on stdin with one JSON response per line on stdout. Requests are a superset of the parity-trainer/1
request (docs/contracts.md) with an "id" and an "op":

  {"id": 1, "op": "train", "network": {...}, "training": {... "optimizer", "batch", "logged", "schedule"}, "data": {...},
   "initialParameters": [...] | absent, "init": {"seed": 0}, "record": {"stepDetails": K}}
  {"id": 2, "op": "init", "network": {...}, "init": {"seed": 0}}
  {"id": 3, "op": "gradients", "network": {...}, "training": {"loss", "dtype"}, "data": {...},
   "parameters": [...]}
  {"id": 4, "op": "bench", "network": {...}, "training": {"loss", "learningRate", "dtype"}, "batch": B,
   "data": {...} | absent (then B random rows), "repeats": R, "warmup": W}  -> {"secondsPerStep", "threads"}:
   timed with PyTorch's own default thread count (as a user's script runs), which "threads" reports
  {"id": 5, "op": "bench-numpy", "epochs": E}  -> {"secondsPerEpoch"}: the seed question's numpy loop on XOR

Responses: {"id": …, "ok": true, …} or {"id": …, "ok": false, "error": "…"}. Parameters are exchanged in
PyTorch layout ("{layer}.weight" (out, in), "{layer}.bias" (out), row-major values), where {layer} counts
the Linear layers. Floats are printed round-trip (Python's repr); NaN and infinities as the strings
"NaN", "Infinity", "-Infinity".
"""

import json
import math
import sys
import traceback

HELLO = "parity-torch-worker/1"
DEFAULT_THREADS = 1  # PyTorch's intra-op threads before the worker sets 1: what "bench" times with


def main():
    try:
        import torch  # noqa: F401  (the one slow import of the run)
    except Exception as error:  # pragma: no cover - exercised by the C# client's tests
        print(json.dumps({"hello": HELLO, "ok": False,
                          "error": f"cannot import torch: {error}", "python": sys.version.split()[0]}), flush=True)
        return 3
    global DEFAULT_THREADS
    DEFAULT_THREADS = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny networks: threads only add overhead and nondeterminism
    print(json.dumps({"hello": HELLO, "ok": True, "torch": torch.__version__.split("+")[0],
                      "python": sys.version.split()[0]}), flush=True)

    for line in sys.stdin:
        if not line.strip():
            continue
        request_id = None
        try:
            request = json.loads(line)
            request_id = request.get("id")
            response = handle(request)
            response["id"] = request_id
            response["ok"] = True
        except Exception as error:
            response = {"id": request_id, "ok": False,
                        "error": f"{type(error).__name__}: {error}",
                        "traceback": traceback.format_exc(limit=4)}
        sys.stdout.write(json.dumps(response, allow_nan=False) + "\n")
        sys.stdout.flush()
    return 0


def handle(request):
    op = request.get("op", "train")
    if op == "train":
        return train(request)
    if op == "init":
        model, linears = build(request["network"], "float64", request.get("init", {}).get("seed", 0))
        return {"initialParameters": export(linears, request["network"]["bias"])}
    if op == "gradients":
        return gradients(request)
    if op == "bench":
        return bench(request)
    if op == "bench-numpy":
        return bench_numpy(request)
    if op == "crash":  # lets the client's tests prove that a dying worker is survived
        sys.stderr.write("worker asked to crash\n")
        sys.stderr.flush()
        sys.exit(9)
    if op == "sleep":  # lets the client's tests prove that a timeout is enforced
        import time
        time.sleep(float(request.get("seconds", 60)))
        return {}
    raise ValueError(f"unknown op {op!r}")


def dtype_of(name):
    import torch
    return {"float64": torch.float64, "float32": torch.float32}[name]


def build(network, dtype, seed=None, initial=None):
    """nn.Sequential(Linear, activation, …); PyTorch's default init after manual_seed unless given."""
    import torch
    from torch import nn
    activations = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU, "selu": nn.SELU,
                   "identity": nn.Identity, "softmax": lambda: nn.Softmax(dim=1),
                   "log-softmax": lambda: nn.LogSoftmax(dim=1)}
    layers = network["layers"]
    if seed is not None:
        torch.manual_seed(seed)
    modules, linears = [], []
    for l in range(len(layers) - 1):
        # Created in the default float32, as a user's nn.Linear is, then converted.
        linear = nn.Linear(layers[l], layers[l + 1], bias=network["bias"])
        linears.append(linear)
        modules.append(linear)
        modules.append(activations[network["activations"][l]]())
    model = nn.Sequential(*modules).to(dtype_of(dtype))
    if initial is not None:
        load(linears, network["bias"], initial, dtype)
    return model, linears


def load(linears, bias, parameters, dtype):
    import torch
    by_name = {p["name"]: p for p in parameters}
    with torch.no_grad():
        for l, linear in enumerate(linears):
            names = [("weight", linear.weight)] + ([("bias", linear.bias)] if bias else [])
            for kind, tensor in names:
                p = by_name[f"{l}.{kind}"]
                if list(p["shape"]) != list(tensor.shape):
                    raise ValueError(f"{l}.{kind}: shape {p['shape']} given, {list(tensor.shape)} expected")
                values = torch.tensor([number(v) for v in p["values"]], dtype=torch.float64)
                tensor.copy_(values.reshape(tensor.shape).to(dtype_of(dtype)))


def export(linears, bias, attribute=None):
    out = []
    for l, linear in enumerate(linears):
        named = [("weight", linear.weight)] + ([("bias", linear.bias)] if bias else [])
        for kind, tensor in named:
            t = tensor if attribute is None else getattr(tensor, attribute)
            out.append({"name": f"{l}.{kind}", "shape": list(tensor.shape),
                        "values": [wire(v) for v in t.detach().double().flatten().tolist()]})
    return out


def loss_function(name):
    from torch import nn
    mse, sse = nn.MSELoss(), nn.MSELoss(reduction="sum")
    return {
        "mse": mse,
        "sse": sse,
        "half-sse": lambda p, t: 0.5 * sse(p, t),
        "half-mse": lambda p, t: 0.5 * mse(p, t),
        "l1": nn.L1Loss(),
        "smooth-l1": nn.SmoothL1Loss(),  # beta = 1
        "cross-entropy": nn.CrossEntropyLoss(),  # logits, class indices
        "nll": nn.NLLLoss(),  # log-probabilities, class indices
        "bce": nn.BCELoss(),  # probabilities
        "bce-with-logits": nn.BCEWithLogitsLoss(),
    }[name]


CLASS_INDEX_LOSSES = ("cross-entropy", "nll")


def tensors(data, dtype):
    import torch
    x = torch.tensor([[number(v) for v in row] for row in data["inputs"]], dtype=torch.float64)
    y = torch.tensor([[number(v) for v in row] for row in data["targets"]], dtype=torch.float64)
    return x.to(dtype_of(dtype)), y.to(dtype_of(dtype))


def targets(network, loss, logged, data, dtype):
    """(values, classes): the targets as the output's values, and as class indices (int64) where the loss or the
    logged cross-entropy takes them; checked as PyTorch would need them, with the row named."""
    import torch
    x, y = tensors(data, dtype)
    outputs = network["layers"][-1]
    width = y.shape[1] if y.dim() == 2 else outputs
    needs_values = loss not in CLASS_INDEX_LOSSES or logged == "mse"
    if needs_values and width != outputs:
        who = "the logged MSE" if loss in CLASS_INDEX_LOSSES else f"the {loss} loss"
        raise ValueError(f"data.targets: {width} column(s), but {who} compares the output ({outputs} wide) with "
                         "targets of its width; class-index targets (one column) go with the cross-entropy or nll "
                         "loss and the logged cross-entropy")
    classes = None
    if loss in CLASS_INDEX_LOSSES or logged == "cross-entropy":
        for i, row in enumerate(data["targets"]):
            value = number(row[0]) if len(row) == 1 else None
            if value is None or not (0 <= value < outputs) or value != math.floor(value):
                raise ValueError(f"data.targets[{i}]: {row} is not a class index; class-index targets are one whole "
                                 f"number in 0…{outputs - 1} per row")
        classes = torch.tensor([int(number(row[0])) for row in data["targets"]], dtype=torch.int64)
    return x, y, classes


def make_optimizer(parameters, training):
    """torch.optim's optimizer with the request's hyperparameters; without "optimizer", today's SGD fields."""
    import torch
    lr = training["learningRate"]
    spec = training.get("optimizer")
    if spec is None:
        return torch.optim.SGD(parameters, lr=lr, momentum=training.get("momentum", 0.0),
                               weight_decay=training.get("weightDecay", 0.0))
    kind = spec["kind"]
    if kind == "sgd":
        return torch.optim.SGD(parameters, lr=lr, momentum=spec.get("momentum", 0.0),
                               dampening=spec.get("dampening", 0.0), nesterov=spec.get("nesterov", False),
                               weight_decay=spec.get("weightDecay", 0.0))
    if kind in ("adam", "adamw"):
        algorithm = torch.optim.Adam if kind == "adam" else torch.optim.AdamW
        return algorithm(parameters, lr=lr, betas=tuple(spec.get("betas", (0.9, 0.999))), eps=spec.get("eps", 1e-8),
                         weight_decay=spec.get("weightDecay", 0.0 if kind == "adam" else 1e-2),
                         amsgrad=spec.get("amsgrad", False))
    if kind == "rmsprop":
        return torch.optim.RMSprop(parameters, lr=lr, alpha=spec.get("alpha", 0.99), eps=spec.get("eps", 1e-8),
                                   weight_decay=spec.get("weightDecay", 0.0), momentum=spec.get("momentum", 0.0),
                                   centered=spec.get("centered", False))
    raise ValueError(f"unknown optimizer kind {kind!r}")


def make_scheduler(optimizer, training):
    """torch.optim.lr_scheduler's StepLR for "schedule" {"kind": "step", "stepSize", "gamma"}, stepped after each epoch;
    None without one (a constant learning rate)."""
    import torch
    spec = training.get("schedule")
    if spec is None:
        return None
    if spec.get("kind") != "step":
        raise ValueError(f"unknown schedule kind {spec.get('kind')!r}")
    return torch.optim.lr_scheduler.StepLR(optimizer, step_size=spec["stepSize"], gamma=spec["gamma"])


def batch_order(samples, batch):
    """Each epoch's batches, as a numpy trainer draws them: a generator of lists of row-index arrays."""
    import numpy as np
    if batch == "full":
        while True:
            yield [np.arange(samples)]
    if batch == "per-sample":
        while True:
            yield [np.arange(i, i + 1) for i in range(samples)]
    size, drop_last = batch["size"], batch.get("dropLast", False)
    state = np.random.RandomState(batch.get("seed", 0)) if batch.get("shuffle", False) else None
    while True:
        order = state.permutation(samples) if state is not None else np.arange(samples)
        ends = range(size, samples + 1, size) if drop_last else range(size, samples + size, size)
        batches = [order[end - size:min(end, samples)] for end in ends]
        if not batches:
            raise ValueError(f"no batch: {samples} rows make no whole batch of {size} rows, and the partial one is dropped")
        yield batches


def train(request):
    import torch
    from torch.nn import functional as F
    network, training = request["network"], request["training"]
    dtype = training.get("dtype", "float64")
    initial = request.get("initialParameters")
    seed = None if initial is not None else request.get("init", {}).get("seed", 0)
    model, linears = build(network, dtype, seed, initial)
    initial_out = export(linears, network["bias"])
    loss_name, logged_name = training["loss"], training.get("logged", "mse")
    x, y, classes = targets(network, loss_name, logged_name, request["data"], dtype)
    loss_fn = loss_function(loss_name)
    optimizer = make_optimizer(model.parameters(), training)
    scheduler = make_scheduler(optimizer, training)
    batch = training.get("batch", "full")
    epochs = batch_order(x.shape[0], batch)
    keep = request.get("record", {}).get("stepDetails", 0)

    losses, steps = [], []
    for _ in range(training["epochs"]):
        logged, batches = 0.0, next(epochs)
        for rows in batches:
            if batch == "full":
                xb, yb, cb = x, y, classes
            else:
                index = torch.from_numpy(rows)
                xb, yb, cb = x[index], y[index], (classes[index] if classes is not None else None)
            optimizer.zero_grad()
            prediction = model(xb)
            with torch.no_grad():  # the logged quantity, before the update
                logged += (F.cross_entropy(prediction, cb) if logged_name == "cross-entropy"
                           else F.mse_loss(prediction, yb)).item()
            loss_fn(prediction, cb if loss_name in CLASS_INDEX_LOSSES else yb).backward()
            gradients = export(linears, network["bias"], "grad") if len(steps) < keep else None
            optimizer.step()
            if gradients is not None:
                steps.append({"step": len(steps), "gradients": gradients,
                              "parameters": export(linears, network["bias"])})
        losses.append(wire(logged / len(batches)))
        if scheduler is not None:
            scheduler.step()

    return {"losses": losses, "steps": steps, "finalParameters": export(linears, network["bias"]),
            "initialParameters": initial_out}


def gradients(request):
    network, training = request["network"], request["training"]
    dtype = training.get("dtype", "float64")
    model, linears = build(network, dtype, None, request["parameters"])
    loss_name = training["loss"]
    x, y, classes = targets(network, loss_name, None, request["data"], dtype)
    loss = loss_function(loss_name)(model(x), classes if loss_name in CLASS_INDEX_LOSSES else y)
    loss.backward()
    return {"gradients": export(linears, network["bias"], "grad"), "loss": wire(loss.item())}


def bench(request):
    """Seconds per training step (zero_grad, forward, loss, backward, optimizer step), timed with perf_counter."""
    import time
    import torch
    network, training = request["network"], request["training"]
    dtype = training.get("dtype", "float32")
    model, _ = build(network, dtype, seed=0)
    if "data" in request:
        x, y = tensors(request["data"], dtype)
    else:
        generator = torch.Generator().manual_seed(0)
        batch = request["batch"]
        x = torch.rand(batch, network["layers"][0], generator=generator, dtype=dtype_of(dtype))
        y = torch.rand(batch, network["layers"][-1], generator=generator, dtype=dtype_of(dtype))
    loss_name = training.get("loss", "mse")
    loss_fn = loss_function(loss_name)
    target = y.argmax(1) if loss_name in CLASS_INDEX_LOSSES else y
    optimizer = make_optimizer(model.parameters(), {"learningRate": 0.1, **training})

    def step():
        optimizer.zero_grad()
        loss_fn(model(x), target).backward()
        optimizer.step()

    torch.set_num_threads(DEFAULT_THREADS)
    try:
        for _ in range(request.get("warmup", 10)):
            step()
        # The median of five runs, as the C# side times itself: one slow run (another process waking) does not count.
        per_run = max(1, request.get("repeats", 100) // 5)
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            for _ in range(per_run):
                step()
            runs.append((time.perf_counter() - start) / per_run)
        return {"secondsPerStep": sorted(runs)[2], "threads": torch.get_num_threads()}
    finally:
        torch.set_num_threads(1)


def bench_numpy(request):
    """The seed question's numpy loop on XOR ([2, 5, 1] sigmoid, no bias, lr 0.3), logging the true MSE."""
    import time
    import numpy as np
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([[0], [1], [1], [0]], dtype=float)
    rng = np.random.RandomState(0)
    w1, w2 = rng.random_sample((2, 5)), rng.random_sample((5, 1))
    epochs = request.get("epochs", 5000)
    losses = np.empty(epochs)
    start = time.perf_counter()
    for epoch in range(epochs):
        layer1 = 1 / (1 + np.exp(-x.dot(w1)))
        layer2 = 1 / (1 + np.exp(-layer1.dot(w2)))
        losses[epoch] = np.mean((layer2 - y) ** 2)
        delta2 = (layer2 - y) * (1 - layer2) * layer2
        delta1 = delta2.dot(w2.T) * (1 - layer1) * layer1
        w2 -= 0.3 * layer1.T.dot(delta2)
        w1 -= 0.3 * x.T.dot(delta1)
    return {"secondsPerEpoch": (time.perf_counter() - start) / epochs}


def number(value):
    if isinstance(value, str):
        return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}[value]
    return float(value)


def wire(value):
    if math.isfinite(value):
        return value
    return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


if __name__ == "__main__":
    sys.exit(main())
