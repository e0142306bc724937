using Parity.Harness.Scenarios;

namespace Parity.Harness.Explain;

/// <summary>The contract's names of the difference kinds: <c>bias, init, loss, learning-rate-scale, dtype, batch, optimizer, schedule</c>.</summary>
public static class DifferenceKinds
{
    /// <summary>Both ways between <see cref="DifferenceKind"/> and its name.</summary>
    public static NameMap<DifferenceKind> Names { get; } = new(
        (DifferenceKind.Bias, "bias"),
        (DifferenceKind.Init, "init"),
        (DifferenceKind.Loss, "loss"),
        (DifferenceKind.LearningRateScale, "learning-rate-scale"),
        (DifferenceKind.DType, "dtype"),
        (DifferenceKind.Batch, "batch"),
        (DifferenceKind.Optimizer, "optimizer"),
        (DifferenceKind.Schedule, "schedule"));

    /// <summary>The name of <paramref name="kind"/>.</summary>
    public static string Name(this DifferenceKind kind) => Names.Of(kind);

    /// <summary>
    /// Where an alignment is applied in a combination. The learning-rate scale goes last because the factor it
    /// restores depends on the loss PyTorch optimises and on how many samples one update sees, which the loss and
    /// batch alignments may just have changed.
    /// </summary>
    internal static int ApplyOrder(this DifferenceKind kind) =>
        kind == DifferenceKind.LearningRateScale ? int.MaxValue : (int)kind;
}
