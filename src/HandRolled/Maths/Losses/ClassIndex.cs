using System.Numerics;

namespace Parity.HandRolled.Maths.Losses;

/// <summary>Class-index targets: an (N, 1) column of integers 0…C−1, as <c>CrossEntropyLoss</c> and <c>NLLLoss</c> take them.</summary>
internal static class ClassIndex
{
    /// <summary>
    /// Where row <paramref name="row"/>'s class sits in (rows, classes) column-major values. The trainer has checked the
    /// labels (<see cref="TargetCheck"/>); one that is not a whole number within range still throws here rather than
    /// read another row's value.
    /// </summary>
    public static int At<T>(ReadOnlySpan<T> targets, int row, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        var label = targets[row];
        return T.IsInteger(label) && label >= T.Zero
            ? row + (int.CreateSaturating(label) * rows)
            : throw new ShapeException($"Targets row {row}: {label} is not a class index 0, 1, 2, ….");
    }
}
