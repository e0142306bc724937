using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled.Fast;
using Parity.HandRolled.Maths;
using Parity.HandRolled.Model;

namespace Parity.HandRolled;

public static partial class Trainer
{
    // Anything that does not fit goes to the readable engine, whose checks name the problem.
    private static bool FastApplies(NetworkSpec network, Loss loss, Dataset data) =>
        data.Count > 0
        && data.Inputs.Count == data.Targets.Count
        && data.Inputs.All(r => r.Count == network.Layers[0])
        && data.Targets.All(r => r.Count == TargetCheck.Width(network, loss));

    // The readable loop on the fast engine: each batch gathered into its input buffer (once, when every epoch has the
    // same batches), then one step.
    private static TrainingTrace TrainFast<T>(
        NetworkSpec network, TrainingOptions options, IReadOnlyList<NamedTensor> initialParameters, Dataset data, Blas blas)
        where T : struct, IFloatingPointIeee754<T>
    {
        var (x, y) = ToMatrices<T>(data);
        var order = new BatchOrder(data.Count, options);
        var first = order.NextEpoch();
        var shuffled = options.Batch == BatchMode.MiniBatch && options.MiniBatch!.Shuffle;
        var fixedBatches = shuffled ? null : first.Select(rows => (X: Gather(x, rows), Y: Gather(y, rows))).ToArray();
        var targets = new Dictionary<int, T[]>();
        var mlp = new FastMlp<T>(network, initialParameters, first.Count > 0 ? first[0].Length : data.Count, blas);

        var rates = options.LearningRates();
        var losses = new double[options.Epochs];
        var steps = new List<StepRecord>();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var batches = epoch == 0 || !shuffled ? first : order.NextEpoch();
            var sum = 0.0;
            for (var b = 0; b < batches.Count; b++)
            {
                var rows = batches[b];
                mlp.SetBatch(rows.Length);
                T[] target;
                if (fixedBatches is null)
                {
                    Gather(x, rows, mlp.Input);
                    target = targets.TryGetValue(rows.Length, out var buffer) ? buffer : targets[rows.Length] = new T[rows.Length * y.ColumnCount];
                    Gather(y, rows, target);
                }
                else
                {
                    if (epoch == 0 || fixedBatches.Length > 1)
                    {
                        fixedBatches[b].X.CopyTo(mlp.Input, 0);
                    }

                    target = fixedBatches[b].Y;
                }

                sum += double.CreateChecked(mlp.Step(target, options.Loss, rates[epoch], options.Optim, options.Logged));
                if (steps.Count < options.StepDetails)
                {
                    steps.Add(new StepRecord(steps.Count, mlp.Gradients(), mlp.Parameters()));
                }
            }

            losses[epoch] = sum / batches.Count;
        }

        return new TrainingTrace(losses, steps, mlp.Parameters());
    }

    private static T[] Gather<T>(Matrix<T> m, int[] rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        var gathered = new T[rows.Length * m.ColumnCount];
        Gather(m, rows, gathered);
        return gathered;
    }

    // The batch's rows of m into a (rows, columns) column-major buffer.
    private static void Gather<T>(Matrix<T> m, int[] rows, T[] into)
        where T : struct, IFloatingPointIeee754<T>
    {
        var values = Storage.Of(m);
        for (var j = 0; j < m.ColumnCount; j++)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                into[i + (j * rows.Length)] = values[rows[i] + (j * m.RowCount)];
            }
        }
    }
}
