using Parity.Harness.Scenarios;

namespace Parity.Harness.Snapshots;

/// <summary>
/// How a snapshot is compared and what happens on a mismatch. The tolerance exists because the last digit
/// of <c>exp</c> differs between machines and libms; it is tight enough that any real change to a curve fails.
/// </summary>
internal sealed record SnapshotOptions
{
    /// <summary>The defaults: rtol 1e-6, atol 1e-9, no accept, the diff tool launched where allowed.</summary>
    public static SnapshotOptions Default { get; } = new();

    /// <summary>
    /// How close a received number must be to the verified one, the verified being the expected value. Snapshots of
    /// reference numbers use <see cref="Tolerance.Rounding"/>, as every place where committed numbers meet recomputed ones.
    /// </summary>
    public Tolerance Tolerance { get; init; } = new(1e-6, 1e-9);

    /// <summary>CSV columns drawn in the received plot, verified against received; empty: every column after
    /// the first (the x axis).</summary>
    public IReadOnlyList<string> PlotColumns { get; init; } = [];

    /// <summary>Write the received content as the new verified file and pass; callers set it from
    /// <see cref="SnapshotStore.AcceptVariable"/>.</summary>
    public bool Accept { get; init; }

    /// <summary>Open the user's diff tool on a mismatch; it is never opened on CI or a build server anyway.</summary>
    public bool LaunchDiffTool { get; init; } = true;
}
