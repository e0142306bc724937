using Parity.Harness.Reference;
using Parity.Harness.Scenarios;
using Parity.TorchReference.Protocol;

namespace Parity.Harness.Running;

/// <summary>How a harness session finds things and where PyTorch's side comes from.</summary>
/// <param name="Root">The repository root: <c>fixtures/</c> and <c>fixtures/scenarios/</c> are below it.</param>
/// <param name="Reference">auto, torchsharp, pytorch or fixtures.</param>
/// <param name="Python">The Python run setting, tried after PARITY_PYTHON.</param>
/// <param name="StepDetails">How many first updates are recorded in detail for the lockstep diagnosis (at least; see <see cref="StepDetailsOf"/>).</param>
public sealed record HarnessOptions(string Root, ReferenceSource Reference = ReferenceSource.Auto, string? Python = null, int StepDetails = 10)
{
    /// <summary>The most numbers (gradients and parameters) that recording through a schedule's first decay may add.</summary>
    public const long MostScheduleNumbers = 10_000_000;

    /// <summary>
    /// How many first updates both sides record for <paramref name="scenario"/>: <see cref="StepDetails"/>, or, where a side's
    /// schedule first decays its rate after those, every update through the first at the decayed rate, so that the
    /// lockstep diagnosis sees the step where the rate changes (some optimiser departures show only there) — unless
    /// that would record more than <see cref="MostScheduleNumbers"/> numbers.
    /// </summary>
    public int StepDetailsOf(Scenario scenario)
    {
        var details = StepDetails;
        foreach (var side in new[] { scenario.HandRolled, scenario.Torch })
        {
            if (side.Schedule is not { } schedule || schedule.StepSize >= scenario.Epochs)
            {
                continue;
            }

            var throughFirstDecay = TrainerProtocol.Updates(side.ToOptions(schedule.StepSize, 0), scenario.Data.Count) + 1;
            var numbers = 2 * throughFirstDecay * scenario.NetworkOf(side).ParameterCount;
            details = numbers <= MostScheduleNumbers ? (int)Math.Max(details, throughFirstDecay) : details;
        }

        return details;
    }

    /// <summary>The scenario catalogue.</summary>
    public string Catalogue => Path.Combine(Root, "fixtures", "scenarios");

    /// <summary>The fixtures' root.</summary>
    public string Fixtures => Path.Combine(Root, "fixtures");

    /// <summary>The repository root above <paramref name="start"/>: the first folder that holds <c>Parity.sln</c>.</summary>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parity.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No Parity.sln in {start} or above it: run parity from inside the repository, or pass a scenario file's path.");
    }
}
