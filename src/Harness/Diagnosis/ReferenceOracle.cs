using Parity.HandRolled;
using Parity.HandRolled.Model;
using Parity.HandRolled.Optimizers;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Diagnosis;

/// <summary>
/// PyTorch's side of a scenario evaluated anywhere: the verified hand-rolled engine, in float64, configured as the
/// PyTorch side (its network, loss, learning rate and its schedule, optimizer and batches). The engines are proven identical to ~1e-15,
/// so once a trainer has left PyTorch's trajectory its next step can still be judged against what PyTorch would do
/// from the trainer's own parameters.
/// </summary>
internal sealed class ReferenceOracle(Scenario scenario, SideSpec side)
{
    private readonly NetworkSpec network = scenario.NetworkOf(side);
    private readonly BatchOrder order = new(scenario.Data.Count, side.ToOptions(scenario.Epochs, 0));
    private readonly List<Dataset> batches = []; // every update's batch so far, in order
    private readonly List<int> epochs = []; // the epoch of each of them
    private readonly double[] rates = side.ToOptions(scenario.Epochs, 0).LearningRates();
    private ParameterOptimizer<double>? optimizer;

    /// <summary>∂loss/∂θ of the given side's loss at <paramref name="parameters"/>, on the batch of update <paramref name="step"/>.</summary>
    public IReadOnlyList<NamedTensor> Gradient(IReadOnlyList<NamedTensor> parameters, int step, Loss? loss = null) =>
        Trainer.Gradients(network, loss ?? side.Loss, parameters, BatchOf(step));

    /// <summary>
    /// The update (θ_after − θ_before) PyTorch's optimizer would make from <paramref name="parameters"/> at this step: the
    /// engines' own optimizer step, its state (momentum, moments, step count) carried from the previous calls as
    /// <c>torch.optim</c> keeps it.
    /// </summary>
    public IReadOnlyList<NamedTensor> Update(IReadOnlyList<NamedTensor> parameters, int step)
    {
        var gradient = Gradient(parameters, step);
        optimizer ??= ParameterOptimizer<double>.For(side.Optimizer, [.. gradient.Select(g => g.Values.Count)]);
        var updates = new NamedTensor[gradient.Count];
        for (var i = 0; i < gradient.Count; i++)
        {
            var after = parameters[i].Values.ToArray();
            optimizer.Step(i, after, gradient[i].Values.ToArray(), LearningRateAt(step));
            updates[i] = parameters[i] with { Values = [.. after.Select((v, j) => v - parameters[i].Values[j])] };
        }

        return updates;
    }

    /// <summary>The learning rate of update <paramref name="step"/>: the side's, as its schedule has decayed it by that update's epoch.</summary>
    public double LearningRateAt(int step)
    {
        BatchOf(step);
        return rates[Math.Min(epochs[step], rates.Length - 1)];
    }

    /// <summary>Trains the reference side from <paramref name="initial"/> at another learning rate (to confirm a scale).</summary>
    public TrainingTrace Retrain(IReadOnlyList<NamedTensor> initial, double learningRate) =>
        Trainer.Train(network, side.ToOptions(scenario.Epochs, 0) with { LearningRate = learningRate, DType = DType.Float64 }, initial, scenario.Data);

    // Update s's rows, in the order BatchOrder gives them epoch after epoch.
    private Dataset BatchOf(int step)
    {
        while (batches.Count <= step)
        {
            var epoch = batches.Count == 0 ? 0 : epochs[^1] + 1;
            var next = order.NextEpoch();
            batches.AddRange(next.Select(rows => new Dataset(
                [.. rows.Select(r => scenario.Data.Inputs[r])], [.. rows.Select(r => scenario.Data.Targets[r])])));
            epochs.AddRange(next.Select(_ => epoch));
        }

        return batches[step];
    }
}
