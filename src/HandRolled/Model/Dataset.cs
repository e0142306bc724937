namespace Parity.HandRolled.Model;

/// <summary>N samples: inputs (N, in) and targets (N, out), row by row.</summary>
public sealed record Dataset(IReadOnlyList<IReadOnlyList<double>> Inputs, IReadOnlyList<IReadOnlyList<double>> Targets)
{
    /// <summary>N.</summary>
    public int Count => Inputs.Count;
}
