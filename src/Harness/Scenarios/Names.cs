using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>
/// The one place where the contract's names meet the enums: scenario files, verdict JSON and CSV all use these.
/// </summary>
public static class Names
{
    /// <summary><c>mse, sse, half-sse, half-mse, l1, smooth-l1</c>.</summary>
    public static NameMap<Loss> Loss { get; } = new(
        (HandRolled.Model.Loss.Mse, "mse"),
        (HandRolled.Model.Loss.Sse, "sse"),
        (HandRolled.Model.Loss.HalfSse, "half-sse"),
        (HandRolled.Model.Loss.HalfMse, "half-mse"),
        (HandRolled.Model.Loss.L1, "l1"),
        (HandRolled.Model.Loss.SmoothL1, "smooth-l1"));

    /// <summary><c>sigmoid, tanh, relu, selu, identity</c>.</summary>
    public static NameMap<Activation> Activation { get; } = new(
        (HandRolled.Model.Activation.Sigmoid, "sigmoid"),
        (HandRolled.Model.Activation.Tanh, "tanh"),
        (HandRolled.Model.Activation.Relu, "relu"),
        (HandRolled.Model.Activation.Selu, "selu"),
        (HandRolled.Model.Activation.Identity, "identity"));

    /// <summary><c>float64, float32</c>.</summary>
    public static NameMap<DType> DType { get; } = new(
        (HandRolled.Model.DType.Float64, "float64"),
        (HandRolled.Model.DType.Float32, "float32"));

    /// <summary><c>full, per-sample</c>.</summary>
    public static NameMap<BatchMode> Batch { get; } = new(
        (BatchMode.Full, "full"),
        (BatchMode.PerSample, "per-sample"));

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

    /// <summary>The only optimiser kind: <c>sgd</c> (<c>torch.optim.SGD</c>).</summary>
    public const string Sgd = "sgd";
}
