using System.Globalization;

namespace Parity.Tests.HandRolled.Maths;

/// <summary>
/// One gradient entry checked against its central finite difference: both engines' analytic values and how far
/// from the finite difference each may lie.
/// </summary>
/// <param name="Parameter">The parameter's contract name, e.g. <c>1.weight</c>.</param>
/// <param name="Index">The entry, row-major in PyTorch layout.</param>
/// <param name="FiniteDifference">(L(p + h) − L(p − h)) / 2h in float64.</param>
/// <param name="Readable">The readable engine's gradient, in the case's dtype.</param>
/// <param name="Fast">The fast engine's gradient, in the case's dtype.</param>
/// <param name="Allowed">atol + rtol·|fd|, plus the float32 rounding bound for a float32 case.</param>
public sealed record GradientCheck(string Parameter, int Index, double FiniteDifference, double Readable, double Fast, double Allowed)
{
    /// <summary>Both engines within <see cref="Allowed"/> of the finite difference (NaN fails).</summary>
    public bool Passes =>
        Math.Abs(Readable - FiniteDifference) <= Allowed && Math.Abs(Fast - FiniteDifference) <= Allowed;

    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Parameter}[{Index}]: readable {Readable:R}, fast {Fast:R}, finite difference {FiniteDifference:R} (±{Allowed:G3} allowed)");
}
