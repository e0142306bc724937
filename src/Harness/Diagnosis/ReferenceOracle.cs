using Parity.HandRolled;
using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Diagnosis;

/// <summary>
/// PyTorch's side of a scenario evaluated anywhere: the verified hand-rolled engine, in float64, configured as the
/// PyTorch side (its network, loss, learning rate and optimizer). The engines are proven identical to ~1e-15, so
/// once a trainer has left PyTorch's trajectory its next step can still be judged against what PyTorch would do
/// from the trainer's own parameters.
/// </summary>
internal sealed class ReferenceOracle(Scenario scenario, SideSpec side)
{
    private readonly NetworkSpec network = scenario.NetworkOf(side);
    private NamedTensor[]? buffer;

    /// <summary>∂loss/∂θ of the given side's loss at <paramref name="parameters"/>, on the batch of update <paramref name="step"/>.</summary>
    public IReadOnlyList<NamedTensor> Gradient(IReadOnlyList<NamedTensor> parameters, int step, Loss? loss = null) =>
        Trainer.Gradients(network, loss ?? side.Loss, parameters, BatchOf(step));

    /// <summary>
    /// The update (θ_after − θ_before) PyTorch's SGD would make from <paramref name="parameters"/> at this step,
    /// its momentum buffer carried from the previous calls, as <c>torch.optim.SGD</c> keeps it.
    /// </summary>
    public IReadOnlyList<NamedTensor> Update(IReadOnlyList<NamedTensor> parameters, int step)
    {
        var gradient = Gradient(parameters, step);
        var sgd = side.Optimizer;
        var next = new NamedTensor[gradient.Count];
        for (var i = 0; i < gradient.Count; i++)
        {
            var d = gradient[i].Values.Select((g, j) => g + (sgd.WeightDecay * parameters[i].Values[j])).ToArray();
            if (sgd.Momentum != 0 && buffer is not null)
            {
                d = [.. buffer[i].Values.Select((b, j) => (sgd.Momentum * b) + d[j])];
            }

            next[i] = gradient[i] with { Values = d };
        }

        buffer = sgd.Momentum != 0 ? next : null;
        return [.. next.Select(b => b with { Values = b.Values.Select(v => -side.LearningRate * v).ToArray() })];
    }

    /// <summary>Trains the reference side from <paramref name="initial"/> at another learning rate (to confirm a scale).</summary>
    public TrainingTrace Retrain(IReadOnlyList<NamedTensor> initial, double learningRate) =>
        Trainer.Train(network, side.ToOptions(scenario.Epochs, 0) with { LearningRate = learningRate, DType = DType.Float64 }, initial, scenario.Data);

    private Dataset BatchOf(int step)
    {
        if (side.Batch == BatchMode.Full)
        {
            return scenario.Data;
        }

        var i = step % scenario.Data.Count;
        return new Dataset([scenario.Data.Inputs[i]], [scenario.Data.Targets[i]]);
    }
}
