using Parity.HandRolled.Init;
using Parity.HandRolled.Model;

namespace Parity.HandRolled;

/// <summary>
/// The rows of every update, epoch after epoch, as a numpy trainer orders them: all rows (full batch), one row at a
/// time in data order (per sample), or mini-batches of <see cref="MiniBatch.Size"/> rows in data order or in the order of
/// numpy's legacy <c>RandomState(seed)</c>, one <c>permutation(N)</c> per epoch, epoch 0 first. Every side that trains
/// (both engines, the references, the diagnosis's oracle) takes its batches from here.
/// </summary>
public sealed class BatchOrder
{
    private readonly int rows;
    private readonly BatchMode mode;
    private readonly MiniBatch? miniBatch;
    private readonly NumpyRandom? random;

    /// <summary>The order of <paramref name="rows"/> samples under <paramref name="options"/>' batching.</summary>
    /// <exception cref="ArgumentException">Mini-batches without their <see cref="MiniBatch"/>, or of a size below 1.</exception>
    public BatchOrder(int rows, TrainingOptions options)
    {
        this.rows = rows;
        mode = options.Batch;
        miniBatch = options.MiniBatch;
        if (mode == BatchMode.MiniBatch && (miniBatch is null || miniBatch.Size < 1))
        {
            throw new ArgumentException("Mini-batches need a MiniBatch of size ≥ 1.", nameof(options));
        }

        random = mode == BatchMode.MiniBatch && miniBatch!.Shuffle ? new NumpyRandom(miniBatch.Seed) : null;
    }

    /// <summary>The updates of the next epoch, each the indices of its rows in order.</summary>
    public IReadOnlyList<int[]> NextEpoch()
    {
        switch (mode)
        {
            case BatchMode.Full:
                return [Enumerable.Range(0, rows).ToArray()];
            case BatchMode.PerSample:
                return [.. Enumerable.Range(0, rows).Select(i => new[] { i })];
            default:
                var order = random?.Permutation(rows) ?? Enumerable.Range(0, rows).ToArray();
                var size = miniBatch!.Size;
                var count = miniBatch.DropLast ? rows / size : (rows + size - 1) / size;
                return [.. Enumerable.Range(0, count).Select(b => order[(b * size)..Math.Min(rows, (b + 1) * size)])];
        }
    }
}
