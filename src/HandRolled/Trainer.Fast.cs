using System.Numerics;
using Parity.HandRolled.Fast;
using Parity.HandRolled.Model;

namespace Parity.HandRolled;

public static partial class Trainer
{
    // Anything that does not fit goes to the readable engine, whose checks name the problem.
    private static bool FastApplies(NetworkSpec network, Dataset data) =>
        data.Count > 0
        && data.Inputs.Count == data.Targets.Count
        && data.Inputs.All(r => r.Count == network.Layers[0])
        && data.Targets.All(r => r.Count == network.Layers[^1]);

    private static TrainingTrace TrainFast<T>(
        NetworkSpec network, TrainingOptions options, IReadOnlyList<NamedTensor> initialParameters, Dataset data, Blas blas)
        where T : struct, IFloatingPointIeee754<T>
    {
        var (x, y) = ToMatrices<T>(data);
        var batches = options.Batch == BatchMode.Full
            ? [(X: x.ToColumnMajorArray(), Y: y.ToColumnMajorArray())]
            : Enumerable.Range(0, x.RowCount).Select(i => (X: x.Row(i).ToArray(), Y: y.Row(i).ToArray())).ToArray();
        var mlp = new FastMlp<T>(network, initialParameters, batches[0].X.Length / network.Layers[0], blas);
        var learningRate = T.CreateChecked(options.LearningRate);
        var optimizer = options.Optim;

        var losses = new double[options.Epochs];
        var steps = new List<StepRecord>();
        batches[0].X.CopyTo(mlp.Input, 0);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var logged = 0.0;
            foreach (var (input, target) in batches)
            {
                if (batches.Length > 1)
                {
                    input.CopyTo(mlp.Input, 0);
                }

                logged += double.CreateChecked(mlp.Step(target, options.Loss, learningRate, optimizer));
                if (steps.Count < options.StepDetails)
                {
                    steps.Add(new StepRecord(steps.Count, mlp.Gradients(), mlp.Parameters()));
                }
            }

            losses[epoch] = logged / batches.Length;
        }

        return new TrainingTrace(losses, steps, mlp.Parameters());
    }
}
