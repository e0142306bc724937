using FsCheck;
using FsCheck.Fluent;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;

namespace Parity.Tests.HandRolled.Maths;

/// <summary>
/// FsCheck's gradient cases: depth 1–4 (layers of weights), widths 1–16, any element-wise activation per hidden layer,
/// any activation on the output (softmax and log-softmax only there) that suits the loss (<see cref="GradientCase.Suits"/>),
/// any loss with targets it takes, bias or not, float64 or float32, N 1–5, parameters and data drawn away from kinks
/// (<see cref="GradientCase.Draw"/>).
/// </summary>
public static class RandomNetworks
{
    public const int MaxDepth = 4;
    public const int MaxWidth = 16;
    public const int MaxSamples = 5;

    /// <summary>The generator, also sampled directly by the coverage test.</summary>
    public static Gen<GradientCase> Generator() =>
        from depth in Gen.Choose(1, MaxDepth)
        from widths in Gen.Choose(1, MaxWidth).ArrayOf(depth + 1)
        from hidden in Gen.Elements(Enum.GetValues<Activation>().Where(a => !a.IsRowWise())).ArrayOf(depth - 1)
        from loss in Gen.Elements(Enum.GetValues<Loss>())
        from last in Gen.Elements(Enum.GetValues<Activation>().Where(a => GradientCase.Suits(a, loss)))
        from bias in Gen.Elements(false, true)
        from dtype in Gen.Elements(Enum.GetValues<DType>())
        from samples in Gen.Choose(1, MaxSamples)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select GradientCase.Draw(new NetworkSpec(widths, [.. hidden, last], bias), loss, samples, seed, dtype);

    public static Arbitrary<GradientCase> Cases() => Arb.From(Generator());
}
