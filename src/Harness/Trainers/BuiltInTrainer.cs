using Parity.HandRolled;
using Parity.HandRolled.Model;

namespace Parity.Harness.Trainers;

/// <summary>The hand-rolled engine of src/HandRolled, in process: what <c>parity run</c> checks.</summary>
public sealed class BuiltInTrainer : ITrainer
{
    /// <summary>The one instance: the engine holds no state between runs.</summary>
    public static BuiltInTrainer Instance { get; } = new();

    private BuiltInTrainer()
    {
    }

    /// <inheritdoc/>
    public Task<TrainingTrace> TrainAsync(
        NetworkSpec network, TrainingOptions options, Dataset data, IReadOnlyList<NamedTensor> initialParameters,
        CancellationToken cancellation = default) =>
        Task.FromResult(Trainer.Train(network, options, initialParameters, data));
}
