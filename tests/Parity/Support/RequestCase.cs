using Parity.HandRolled.Model;

namespace Parity.Tests.Support;

/// <summary>A random <c>parity-trainer/1</c> request: what a trainer is asked to do and where it starts.</summary>
/// <param name="Network">The architecture.</param>
/// <param name="Options">Epochs, learning rate, loss, dtype, batch, optimiser and step details.</param>
/// <param name="Data">The samples.</param>
/// <param name="InitialParameters">Where training starts.</param>
public sealed record RequestCase(
    NetworkSpec Network, TrainingOptions Options, Dataset Data, IReadOnlyList<NamedTensor> InitialParameters)
{
    public override string ToString() =>
        TraceCase.Describe(
            Network,
            Options,
            Data.Count,
            new TrainingTrace([], [], InitialParameters),
            [Options.LearningRate, Options.Optim.Momentum, Options.Optim.WeightDecay,
             .. Data.Inputs.Concat(Data.Targets).SelectMany(r => r), .. InitialParameters.SelectMany(t => t.Values)]);
}
