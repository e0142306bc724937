using FsCheck;
using FsCheck.Fluent;
using Parity.HandRolled.Model;

namespace Parity.Tests.Support;

/// <summary>FsCheck's doubles for the scalar round-trip properties: <see cref="RandomValues"/> of either dtype.</summary>
public static class HardDoubles
{
    public static Arbitrary<double> Doubles() =>
        Arb.From(Gen.OneOf(RandomValues.Of(DType.Float64, nonFinite: true), RandomValues.Of(DType.Float32, nonFinite: true)));
}
