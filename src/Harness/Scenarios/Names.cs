using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>
/// The one place where the contract's names meet the enums: scenario files, verdict JSON and CSV all use these.
/// </summary>
public static class Names
{
    /// <summary><c>mse, sse, half-sse, half-mse, l1, smooth-l1, cross-entropy, nll, bce, bce-with-logits</c>.</summary>
    public static NameMap<Loss> Loss { get; } = FromWire<HandRolled.Model.Loss>(WireNames.Name);

    /// <summary><c>sigmoid, tanh, relu, selu, identity, softmax, log-softmax</c>.</summary>
    public static NameMap<Activation> Activation { get; } = FromWire<HandRolled.Model.Activation>(WireNames.Name);

    /// <summary><c>float64, float32</c>.</summary>
    public static NameMap<DType> DType { get; } = FromWire<HandRolled.Model.DType>(WireNames.Name);

    /// <summary><c>full, per-sample, mini-batch</c>: how a side's updates are batched (a scenario writes mini-batches as an object).</summary>
    public static NameMap<BatchMode> Batch { get; } = FromWire<BatchMode>(WireNames.Name);

    /// <summary><c>sgd, adam, adamw, rmsprop</c>.</summary>
    public static NameMap<OptimizerKind> Optimizer { get; } = FromWire<OptimizerKind>(WireNames.Name);

    /// <summary><c>mse, cross-entropy</c>: what each epoch logs.</summary>
    public static NameMap<Logged> Logged { get; } = FromWire<HandRolled.Model.Logged>(WireNames.Name);

    /// <summary><c>torch, uniform01, glorot, file</c>.</summary>
    public static NameMap<InitSource> Init { get; } = new(
        (InitSource.Torch, "torch"),
        (InitSource.Uniform01, "uniform01"),
        (InitSource.Glorot, "glorot"),
        (InitSource.File, "file"));

    /// <summary><c>parity, mismatch, error</c>.</summary>
    public static NameMap<Verdict> Verdict { get; } = new(
        (Scenarios.Verdict.Parity, "parity"),
        (Scenarios.Verdict.Mismatch, "mismatch"),
        (Scenarios.Verdict.Error, "error"));

    // The model's names are defined once, beside the enums (WireNames), and shared with the trainer protocol.
    private static NameMap<T> FromWire<T>(Func<T, string> name)
        where T : struct, Enum => new([.. Enum.GetValues<T>().Select(v => (v, name(v)))]);
}
