namespace Parity.HandRolled.Model;

/// <summary>
/// The names the contracts use for the model's enums (scenario files, <c>parity-trainer/1</c>, the worker,
/// CSV and JSON output): <c>half-sse</c>, <c>per-sample</c>, <c>float32</c>, …
/// </summary>
public static class WireNames
{
    private static readonly Dictionary<Loss, string> LossNames = new()
    {
        [Loss.Mse] = "mse",
        [Loss.Sse] = "sse",
        [Loss.HalfSse] = "half-sse",
        [Loss.HalfMse] = "half-mse",
        [Loss.L1] = "l1",
        [Loss.SmoothL1] = "smooth-l1",
        [Loss.CrossEntropy] = "cross-entropy",
        [Loss.Nll] = "nll",
        [Loss.Bce] = "bce",
        [Loss.BceWithLogits] = "bce-with-logits",
    };

    private static readonly Dictionary<Activation, string> ActivationNames = new()
    {
        [Activation.Sigmoid] = "sigmoid",
        [Activation.Tanh] = "tanh",
        [Activation.Relu] = "relu",
        [Activation.Selu] = "selu",
        [Activation.Identity] = "identity",
        [Activation.Softmax] = "softmax",
        [Activation.LogSoftmax] = "log-softmax",
    };

    private static readonly Dictionary<DType, string> DTypeNames = new()
    {
        [DType.Float64] = "float64",
        [DType.Float32] = "float32",
    };

    private static readonly Dictionary<BatchMode, string> BatchNames = new()
    {
        [BatchMode.Full] = "full",
        [BatchMode.PerSample] = "per-sample",
        [BatchMode.MiniBatch] = "mini-batch",
    };

    private static readonly Dictionary<OptimizerKind, string> OptimizerNames = new()
    {
        [OptimizerKind.Sgd] = "sgd",
        [OptimizerKind.Adam] = "adam",
        [OptimizerKind.AdamW] = "adamw",
        [OptimizerKind.RmsProp] = "rmsprop",
    };

    private static readonly Dictionary<Logged, string> LoggedNames = new()
    {
        [Logged.Mse] = "mse",
        [Logged.CrossEntropy] = "cross-entropy",
    };

    /// <summary>Every loss name, in declaration order.</summary>
    public static IReadOnlyCollection<string> Losses => LossNames.Values;

    /// <summary>Every activation name, in declaration order.</summary>
    public static IReadOnlyCollection<string> Activations => ActivationNames.Values;

    /// <summary>Every dtype name.</summary>
    public static IReadOnlyCollection<string> DTypes => DTypeNames.Values;

    /// <summary>Every batch name.</summary>
    public static IReadOnlyCollection<string> Batches => BatchNames.Values;

    /// <summary>Every optimizer kind's name.</summary>
    public static IReadOnlyCollection<string> OptimizerKinds => OptimizerNames.Values;

    /// <summary>Every logged quantity's name.</summary>
    public static IReadOnlyCollection<string> LoggedQuantities => LoggedNames.Values;

    /// <summary>The wire name of a loss.</summary>
    public static string Name(this Loss loss) => LossNames[loss];

    /// <summary>The wire name of an activation.</summary>
    public static string Name(this Activation activation) => ActivationNames[activation];

    /// <summary>The wire name of a dtype.</summary>
    public static string Name(this DType dtype) => DTypeNames[dtype];

    /// <summary>The wire name of a batch mode.</summary>
    public static string Name(this BatchMode batch) => BatchNames[batch];

    /// <summary>The wire name of an optimizer kind.</summary>
    public static string Name(this OptimizerKind kind) => OptimizerNames[kind];

    /// <summary>The wire name of a logged quantity.</summary>
    public static string Name(this Logged logged) => LoggedNames[logged];

    /// <summary>Parses an optimizer kind's name; false when unknown.</summary>
    public static bool TryParse(string name, out OptimizerKind kind) => TryFind(OptimizerNames, name, out kind);

    /// <summary>Parses a logged quantity's name; false when unknown.</summary>
    public static bool TryParse(string name, out Logged logged) => TryFind(LoggedNames, name, out logged);

    /// <summary>Parses a loss name; false when unknown.</summary>
    public static bool TryParse(string name, out Loss loss) => TryFind(LossNames, name, out loss);

    /// <summary>Parses an activation name; false when unknown.</summary>
    public static bool TryParse(string name, out Activation activation) => TryFind(ActivationNames, name, out activation);

    /// <summary>Parses a dtype name; false when unknown.</summary>
    public static bool TryParse(string name, out DType dtype) => TryFind(DTypeNames, name, out dtype);

    /// <summary>Parses a batch name; false when unknown.</summary>
    public static bool TryParse(string name, out BatchMode batch) => TryFind(BatchNames, name, out batch);

    private static bool TryFind<T>(Dictionary<T, string> names, string name, out T value)
        where T : struct
    {
        foreach (var (key, wire) in names)
        {
            if (wire == name)
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
