using Parity.HandRolled.Model;

namespace Parity.Harness.Trainers;

/// <summary>
/// The side under test: trains a network as a scenario's hand-rolled side asks and returns what it did, in the contract's
/// layout. The built-in engine (<see cref="BuiltInTrainer"/>) and any <c>parity-trainer/1</c> program
/// (<see cref="ExternalTrainer"/>) are trainers; the harness checks every one the same way.
/// </summary>
public interface ITrainer
{
    /// <summary>Trains <paramref name="network"/> from <paramref name="initialParameters"/> on <paramref name="data"/>.</summary>
    /// <returns>The logged losses, the first steps in detail and the final parameters.</returns>
    Task<TrainingTrace> TrainAsync(
        NetworkSpec network, TrainingOptions options, Dataset data, IReadOnlyList<NamedTensor> initialParameters,
        CancellationToken cancellation = default);
}
