using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>
/// The one place where the contract's names meet the enums: scenario files, verdict JSON and CSV all use these.
/// </summary>
public static class Names
{
    /// <summary><c>mse, sse, half-sse, half-mse, l1, smooth-l1</c>.</summary>
    public static NameMap<Loss> Loss { get; } = FromWire<HandRolled.Model.Loss>(WireNames.Name);

    /// <summary><c>sigmoid, tanh, relu, selu, identity</c>.</summary>
    public static NameMap<Activation> Activation { get; } = FromWire<HandRolled.Model.Activation>(WireNames.Name);

    /// <summary><c>float64, float32</c>.</summary>
    public static NameMap<DType> DType { get; } = FromWire<HandRolled.Model.DType>(WireNames.Name);

    /// <summary><c>full, per-sample</c>.</summary>
    public static NameMap<BatchMode> Batch { get; } = FromWire<BatchMode>(WireNames.Name);

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

    /// <summary>The only optimiser kind: <c>sgd</c> (<c>torch.optim.SGD</c>).</summary>
    public const string Sgd = "sgd";
}
