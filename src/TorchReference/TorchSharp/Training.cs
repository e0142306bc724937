using System.Diagnostics;
using Parity.HandRolled;
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
    /// <remarks>
    /// A Python user's loop: the epoch's learning rate (a scheduler's), each epoch's batches from <see cref="BatchOrder"/> (numpy's RandomState order when
    /// shuffled), <c>x[rows]</c>, <c>zero_grad</c>, the forward pass, the logged quantity under <c>no_grad</c>, the loss
    /// over the batch's own rows, <c>backward</c>, <c>step</c>; the epoch logs the mean of its batches' logged values.
    /// </remarks>
    public static (TrainingTrace Trace, IReadOnlyList<NamedTensor> Initial) Train(
        NetworkSpec network, TrainingOptions options, Dataset data, IReadOnlyList<NamedTensor>? initialParameters, int seed,
        CancellationToken cancellation)
    {
        var order = new BatchOrder(data.Count, options);
        using var run = NewDisposeScope();
        using var model = Build(network, options.DType, initialParameters is null ? seed : null, initialParameters);
        var initial = model.Export(p => p);
        var x = Tensors.Matrix(data.Inputs, Tensors.Of(options.DType));
        using var loss = new TorchLoss(options.Loss);
        var y = Targets(network, options.Loss, options.Logged, data, options.DType);
        using var optimizer = new TorchOptimizer(model.NamedParameters(), options.LearningRate, options.Optim);
        var losses = new double[options.Epochs];
        var steps = new List<StepRecord>();
        // Batches in data order are the same every epoch: selected once (a copy, the numbers x[rows] holds).
        var shuffled = options.Batch == BatchMode.MiniBatch && options.MiniBatch!.Shuffle;
        var fixedBatches = shuffled ? null : Batches(x, y, order.NextEpoch(), options.Batch);
        var rates = options.LearningRates(); // scheduler.step() after each epoch
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            optimizer.LearningRate = rates[epoch];
            using var scope = NewDisposeScope();
            var batches = fixedBatches ?? Batches(x, y, order.NextEpoch(), options.Batch);
            if (batches.Count == 0)
            {
                throw new ArgumentException($"no batch: {data.Count} rows make no whole batch of {options.MiniBatch?.Size} rows, and the partial one is dropped");
            }

            var logged = 0.0;
            foreach (var (xb, yb) in batches)
            {
                using var step = NewDisposeScope();
                optimizer.ZeroGrad();
                var prediction = model.call(xb);
                using (no_grad())
                {
                    logged += Tensors.Item(LoggedValue(prediction, yb, options.Logged)); // before the update
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

    /// <summary>
    /// The data set's targets for the loss and the logged quantity (none for a gradient), checked: class indices where
    /// the loss or the logged cross-entropy takes them, values as wide as the output where the loss or the logged MSE
    /// compares them with it.
    /// </summary>
    /// <exception cref="ArgumentException">Targets of the wrong width or not class indices; the message says which.</exception>
    public static BatchTargets Targets(NetworkSpec network, Loss loss, Logged? logged, Dataset data, DType dtype)
    {
        var outputs = network.Layers[^1];
        var width = data.Count == 0 ? outputs : data.Targets[0].Count;
        var needsValues = !TorchLoss.TakesClasses(loss) || logged == Logged.Mse;
        if (needsValues && width != outputs)
        {
            var who = TorchLoss.TakesClasses(loss) ? "the logged MSE" : $"the {loss.Name()} loss";
            throw new ArgumentException(
                $"data.targets: {width} column(s), but {who} compares the output ({outputs} wide) with targets of its width; "
                + "class-index targets (one column) go with the cross-entropy or nll loss and the logged cross-entropy");
        }

        var needsClasses = TorchLoss.TakesClasses(loss) || logged == Logged.CrossEntropy;
        return BatchTargets.Of(data, Tensors.Of(dtype), needsClasses, outputs);
    }

    /// <summary>The logged quantity of a batch: <c>F.mse_loss(output, y)</c>, or <c>F.cross_entropy(output, classes)</c>.</summary>
    public static Tensor LoggedValue(Tensor prediction, BatchTargets target, Logged logged) => logged == Logged.CrossEntropy
        ? nn.functional.cross_entropy(prediction, target.Classes!)
        : nn.functional.mse_loss(prediction, target.Values);

    // Each batch's x[rows] and y[rows], as a Python user indexes a batch; the full batch is x and y themselves.
    private static List<(Tensor X, BatchTargets Y)> Batches(Tensor x, BatchTargets y, IReadOnlyList<int[]> epoch, BatchMode mode)
    {
        if (mode == BatchMode.Full)
        {
            return [(x, y)];
        }

        return [.. epoch.Select(rows =>
        {
            var index = tensor(rows.Select(r => (long)r).ToArray(), ScalarType.Int64);
            return (x.index_select(0, index), y.Select(index));
        })];
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
        var targets = Targets(network, loss, null, data, dtype);
        function.Call(model.call(Tensors.Matrix(data.Inputs, Tensors.Of(dtype))), targets).backward();
        return model.Export(p => p.grad);
    }

    /// <summary>
    /// Seconds per training step (zero_grad, forward, loss, backward, optimizer step) on <paramref name="data"/>, or on
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
        var targets = new BatchTargets(y, loss.TakesClassIndices ? y.argmax(1) : null);
        using var optimizer = new TorchOptimizer(model.NamedParameters(), options.LearningRate, options.Optim);
        void Step()
        {
            using var step = NewDisposeScope();
            optimizer.ZeroGrad();
            loss.Call(model.call(x), targets).backward();
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
