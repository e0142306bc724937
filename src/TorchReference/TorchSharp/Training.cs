using System.Diagnostics;
using Parity.HandRolled.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.TorchReference.TorchSharp;

/// <summary>
/// torch_worker.py's <c>train</c>, <c>init</c>, <c>gradients</c> and <c>bench</c> ops, step for step, in libtorch.
/// Every step's temporary tensors live in a dispose scope of their own, so native memory stays flat however long
/// a run is. Safe to call from several threads: libtorch's global generator is drawn from under one lock, and
/// everything else a run touches is its own.
/// </summary>
internal static class Training
{
    private static readonly Lock GeneratorLock = new();

    /// <summary>
    /// The network, created in float32 after <c>torch.manual_seed(seed)</c> when a seed is given, converted to
    /// <paramref name="dtype"/>, then given <paramref name="initial"/> parameters when they are given.
    /// </summary>
    public static TorchMlp Build(NetworkSpec network, DType dtype, int? seed, IReadOnlyList<NamedTensor>? initial)
    {
        TorchMlp model;
        lock (GeneratorLock) // even unseeded, nn.Linear draws: it must not draw between another run's seed and its layers
        {
            if (seed is { } s)
            {
                using var generator = random.manual_seed(s);
            }

            model = new TorchMlp(network);
        }

        model.to(Tensors.Of(dtype));
        if (initial is not null)
        {
            Load(model, initial, Tensors.Of(dtype));
        }

        return model;
    }

    /// <summary>The trace of training, and the parameters it started from.</summary>
    public static (TrainingTrace Trace, IReadOnlyList<NamedTensor> Initial) Train(
        NetworkSpec network, TrainingOptions options, Dataset data, IReadOnlyList<NamedTensor>? initialParameters, int seed,
        CancellationToken cancellation)
    {
        using var run = NewDisposeScope();
        using var model = Build(network, options.DType, initialParameters is null ? seed : null, initialParameters);
        var initial = model.Export(p => p);
        var x = Tensors.Matrix(data.Inputs, Tensors.Of(options.DType));
        var y = Tensors.Matrix(data.Targets, Tensors.Of(options.DType));
        using var loss = new TorchLoss(options.Loss);
        using var optimizer = new Sgd(model.NamedParameters(), options.LearningRate, options.Optim);
        List<(Tensor X, Tensor Y)> batches = options.Batch == BatchMode.Full
            ? [(x, y)]
            : [.. Enumerable.Range(0, data.Count).Select(i => (x.narrow(0, i, 1), y.narrow(0, i, 1)))];

        var losses = new double[options.Epochs];
        var steps = new List<StepRecord>();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            var logged = 0.0;
            foreach (var (xb, yb) in batches)
            {
                using var step = NewDisposeScope();
                optimizer.ZeroGrad();
                var prediction = model.call(xb);
                using (no_grad())
                {
                    logged += Tensors.Item(nn.functional.mse_loss(prediction, yb)); // the logged loss: true MSE before the update
                }

                loss.Call(prediction, yb).backward();
                var gradients = steps.Count < options.StepDetails ? model.Export(p => p.grad) : null;
                optimizer.Step();
                if (gradients is not null)
                {
                    steps.Add(new StepRecord(steps.Count, gradients, model.Export(p => p)));
                }
            }

            losses[epoch] = logged / batches.Count;
        }

        return (new TrainingTrace(losses, steps, model.Export(p => p)), initial);
    }

    /// <summary>PyTorch's default initialisation after <c>torch.manual_seed(seed)</c>, read out as float64.</summary>
    public static IReadOnlyList<NamedTensor> DefaultInit(NetworkSpec network, int seed)
    {
        using var scope = NewDisposeScope();
        using var model = Build(network, DType.Float64, seed, null);
        return model.Export(p => p);
    }

    /// <summary>The gradients of the loss at the parameters, on the whole data set.</summary>
    public static IReadOnlyList<NamedTensor> Gradients(
        NetworkSpec network, Loss loss, DType dtype, IReadOnlyList<NamedTensor> parameters, Dataset data)
    {
        using var scope = NewDisposeScope();
        using var model = Build(network, dtype, null, parameters);
        using var function = new TorchLoss(loss);
        function.Call(model.call(Tensors.Matrix(data.Inputs, Tensors.Of(dtype))), Tensors.Matrix(data.Targets, Tensors.Of(dtype))).backward();
        return model.Export(p => p.grad);
    }

    /// <summary>
    /// Seconds per training step (zero_grad, forward, loss, backward, SGD step) on <paramref name="data"/>, or on
    /// <paramref name="batch"/> rows drawn by a generator seeded 0: the median of five runs after
    /// <paramref name="warmup"/> untimed steps, as the worker's <c>bench</c> times.
    /// </summary>
    public static double SecondsPerStep(NetworkSpec network, TrainingOptions options, int batch, int repeats, int warmup, Dataset? data)
    {
        using var run = NewDisposeScope();
        using var model = Build(network, options.DType, 0, null);
        var dtype = Tensors.Of(options.DType);
        Tensor x, y;
        if (data is not null)
        {
            (x, y) = (Tensors.Matrix(data.Inputs, dtype), Tensors.Matrix(data.Targets, dtype));
        }
        else
        {
            using var generator = new Generator(0);
            x = rand(batch, network.Layers[0], generator: generator, dtype: dtype);
            y = rand(batch, network.Layers[^1], generator: generator, dtype: dtype);
        }

        using var loss = new TorchLoss(options.Loss);
        using var optimizer = new Sgd(model.NamedParameters(), options.LearningRate, Optimizer.Plain);
        void Step()
        {
            using var step = NewDisposeScope();
            optimizer.ZeroGrad();
            loss.Call(model.call(x), y).backward();
            optimizer.Step();
        }

        for (var i = 0; i < warmup; i++)
        {
            Step();
        }

        var perRun = Math.Max(1, repeats / 5);
        var runs = new double[5];
        for (var r = 0; r < runs.Length; r++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < perRun; i++)
            {
                Step();
            }

            runs[r] = Stopwatch.GetElapsedTime(start).TotalSeconds / perRun;
        }

        Array.Sort(runs);
        return runs[2];
    }

    private static void Load(TorchMlp model, IReadOnlyList<NamedTensor> parameters, ScalarType dtype)
    {
        var byName = parameters.ToDictionary(p => p.Name);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (name, parameter) in model.NamedParameters())
        {
            var given = byName.TryGetValue(name, out var p) ? p : throw new ArgumentException($"{name}: no initial value given");
            var expected = parameter.shape.Select(d => (int)d).ToArray();
            if (!given.Shape.SequenceEqual(expected))
            {
                throw new ArgumentException($"{name}: shape {given.ShapeText} given, ({string.Join(", ", expected)}) expected");
            }

            parameter.copy_(Tensors.FromNamed(given, dtype));
        }
    }
}
