using System.Text.Json;
using NUnit.Framework;
using Parity.HandRolled;
using Parity.HandRolled.Model;
using Parity.Tests.Support;

namespace Parity.Tests.HandRolled;

public sealed class BatchOrderTests
{
    [Test]
    public void NextEpoch_FullBatch_IsEveryRowOnce() =>
        Assert.That(Order(5, BatchMode.Full).NextEpoch(), Is.EqualTo(new[] { new[] { 0, 1, 2, 3, 4 } }));

    [Test]
    public void NextEpoch_PerSample_IsEachRowInDataOrder() =>
        Assert.That(Order(3, BatchMode.PerSample).NextEpoch(), Is.EqualTo(new[] { new[] { 0 }, new[] { 1 }, new[] { 2 } }));

    [TestCase(false, new[] { 0, 1 }, new[] { 2, 3 }, new[] { 4 })]
    [TestCase(true, new[] { 0, 1 }, new[] { 2, 3 })]
    public void NextEpoch_MiniBatchesInDataOrder_KeepOrDropThePartialLast(bool dropLast, params int[][] batches) =>
        Assert.That(Order(5, BatchMode.MiniBatch, new MiniBatch(2, DropLast: dropLast)).NextEpoch(), Is.EqualTo(batches));

    [Test]
    public void NextEpoch_Shuffled_IsNumpysRandomStatePermutationEpochAfterEpoch()
    {
        Requires.NumpyInSystemPython();
        const int rows = 150, seed = 42, epochs = 4;
        var order = Order(rows, BatchMode.MiniBatch, new MiniBatch(rows, Shuffle: true, Seed: seed));

        var ours = Enumerable.Range(0, epochs).Select(_ => order.NextEpoch().Single()).ToArray();

        // numpy itself, as a numpy trainer draws it: one RandomState, one permutation(N) per epoch.
        var numpy = JsonSerializer.Deserialize<int[][]>(SystemPython.Run(
            $"import numpy, json; r = numpy.random.RandomState({seed}); print(json.dumps([r.permutation({rows}).tolist() for _ in range({epochs})]))"));
        Assert.That(ours, Is.EqualTo(numpy));
    }

    [Test]
    public void Constructor_MiniBatchWithoutItsSize_Throws() =>
        Assert.That(() => Order(4, BatchMode.MiniBatch), Throws.ArgumentException);

    private static BatchOrder Order(int rows, BatchMode mode, MiniBatch? miniBatch = null) =>
        new(rows, new TrainingOptions(1, 0.1, Loss.Mse, Batch: mode, MiniBatch: miniBatch));
}
