using Parity.Harness.Comparison;

namespace Parity.Harness.Explain;

/// <summary>The smallest parity set re-run in live PyTorch instead of its stand-in.</summary>
/// <param name="Curve">Live PyTorch's curve, aligned, against the hand-rolled one.</param>
/// <param name="Distance">The <see cref="CurveDistance"/> between them.</param>
/// <param name="TorchVersion">The PyTorch that ran it.</param>
public sealed record Confirmation(CurveComparison Curve, double Distance, string TorchVersion)
{
    /// <summary>Whether live PyTorch confirms the parity.</summary>
    public bool Parity => Curve.Verdict == Scenarios.Verdict.Parity;
}
