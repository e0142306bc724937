namespace Parity.Harness.Diagnosis;

/// <summary>One diagnosis: what kind, where it shows first, and one plain sentence.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Detail">One plain sentence for a person.</param>
/// <param name="Step">The update (0-based) where it shows, when it is about updates.</param>
/// <param name="Epoch">The epoch where it shows, when it is about the curve.</param>
/// <param name="Parameter">The parameter, in the contract's naming (<c>1.weight</c>).</param>
/// <param name="Element">The element of that parameter (row-major index), when one is singled out.</param>
/// <param name="Factor">The constant factor, for <see cref="DiagnosisKind.LearningRateScale"/>.</param>
/// <param name="Side">handRolled or torch, for <see cref="DiagnosisKind.NonFinite"/>.</param>
/// <param name="Variant">The known departure from the asked optimiser that reproduces the trainer's updates, for <see cref="DiagnosisKind.Optimizer"/>.</param>
public sealed record Diagnosis(
    DiagnosisKind Kind,
    string Detail,
    int? Step = null,
    int? Epoch = null,
    string? Parameter = null,
    int? Element = null,
    double? Factor = null,
    string? Side = null,
    string? Variant = null)
{
    /// <summary>Parity.</summary>
    public static Diagnosis None { get; } = new(DiagnosisKind.None, "The two sides train identically within the tolerance.");

    /// <summary>The contract's name of the kind: <c>learning-rate-scale</c>, …</summary>
    public string KindName => Kind switch
    {
        DiagnosisKind.None => "none",
        DiagnosisKind.LossLogging => "loss-logging",
        DiagnosisKind.LearningRateScale => "learning-rate-scale",
        DiagnosisKind.InitialForward => "initial-forward",
        DiagnosisKind.Gradient => "gradient",
        DiagnosisKind.LateDivergence => "late-divergence",
        DiagnosisKind.NonFinite => "non-finite",
        DiagnosisKind.Optimizer => "optimizer",
        _ => throw new InvalidOperationException($"unknown diagnosis kind {Kind}"),
    };
}
