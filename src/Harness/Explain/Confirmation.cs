using Parity.Harness.Comparison;

namespace Parity.Harness.Explain;

/// <summary>The smallest parity set re-run in the live reference instead of its stand-in.</summary>
/// <param name="Curve">The live reference's curve, aligned, against the hand-rolled one.</param>
/// <param name="Distance">The <see cref="CurveDistance"/> between them.</param>
/// <param name="Reference">Who ran it, e.g. <c>libtorch 2.10.0 (TorchSharp)</c>.</param>
public sealed record Confirmation(CurveComparison Curve, double Distance, string Reference)
{
    /// <summary>Whether live PyTorch confirms the parity.</summary>
    public bool Parity => Curve.Verdict == Scenarios.Verdict.Parity;
}
