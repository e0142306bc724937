using Parity.HandRolled.Model;
using Parity.Harness.Fixtures;
using Parity.Harness.Reference;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Running;

public sealed partial class ParityHarness
{
    /// <summary>
    /// Runs the live reference <paramref name="source"/> (TorchSharp unless told otherwise) for the scenario and writes
    /// its fixture atomically.
    /// </summary>
    public async Task<Fixture> RegenerateAsync(Scenario scenario, ReferenceSource source = ReferenceSource.TorchSharp, CancellationToken cancellation = default)
    {
        var fixture = await LiveFixtureAsync(scenario, source, cancellation).ConfigureAwait(false);
        Fixtures.Write(scenario, fixture);
        return fixture;
    }

    /// <summary>The fixture <see cref="RegenerateAsync"/> writes, from the live reference, without writing it.</summary>
    public async Task<Fixture> LiveFixtureAsync(Scenario scenario, ReferenceSource source = ReferenceSource.TorchSharp, CancellationToken cancellation = default)
    {
        var run = await ReferenceAsync(scenario, source, cancellation).ConfigureAwait(false);
        var option = source == ReferenceSource.TorchSharp ? "" : $" --reference {run.SourceName}";
        return new Fixture(
            new FixtureMeta(
                scenario.Name, scenario.ContentHash, run.Producer, run.TorchVersion, run.PythonVersion, scenario.Torch.DType.Name(),
                scenario.Epochs, Options.StepDetailsOf(scenario), $"{FixtureStore.RegenerateCommand} {scenario.Name}{option}"),
            run.HandRolledInitial,
            run.TorchInitial,
            run.Torch);
    }

    /// <summary>
    /// Whether a committed fixture is what the live reference that made it produces now, from the current scenario:
    /// bit-exact; within rounding (<see cref="Tolerance.Rounding"/> in PyTorch's dtype, each quantity at its own scale),
    /// as on another machine; different; or stale. <paramref name="exact"/> allows no difference at all. A fixture made
    /// by another version of its reference is compared within <see cref="Tolerance.AcrossVersions"/> instead.
    /// </summary>
    public async Task<FixtureCheck> CheckAsync(Scenario scenario, bool exact = false, CancellationToken cancellation = default)
    {
        var recovered = Fixtures.Recover(scenario.Name);
        var note = recovered is null ? "" : $" ({recovered})";
        Fixture committed;
        try
        {
            committed = Fixtures.Load(scenario);
        }
        catch (FixtureException error)
        {
            return new FixtureCheck(scenario.Name, error.Stale ? Freshness.Stale : Freshness.Unusable, error.Message + note);
        }

        var live = await ReferenceAsync(scenario, Sources.Parse(committed.Meta.Source), cancellation).ConfigureAwait(false);
        var dtype = scenario.Torch.DType;
        var crossVersion = live.TorchVersion != committed.Meta.Torch;
        var differences = Quantities(committed.HandRolledInitial, committed.TorchInitial, committed.Torch)
            .Zip(Quantities(live.HandRolledInitial, live.TorchInitial, live.Torch))
            .Select(q => q.First.Compare(q.Second, dtype, exact))
            .OfType<ReferenceNumbers.Difference>()
            .ToList();
        var made = Sources.Describe(committed.Meta.Source, committed.Meta.Torch, committed.Meta.Python);
        var versions = crossVersion ? $"made with {made}, live is {live.Description}" : live.Description;
        if (differences.Count == 0)
        {
            return new FixtureCheck(scenario.Name, Freshness.BitExact, versions + note);
        }

        var greatest = differences.MaxBy(d => d.Ulps)!;
        var regenerate = $"regenerate it: {FixtureStore.RegenerateCommand} {scenario.Name}";
        if (differences.FirstOrDefault(d => d.Outside is not null && (!crossVersion || exact || !WithinVersionDrift(d, dtype))) is { } outside)
        {
            var rule = exact ? "--exact allows no difference" : $"the rule allows {Tolerance.RoundingUlps} ulps of {dtype.Name()}";
            return new FixtureCheck(
                scenario.Name, Freshness.Differs,
                $"{versions}: {outside.Of.Name}: {outside.Outside} (greatest difference {greatest.Greatest}; {rule}); {regenerate}{note}");
        }

        return new FixtureCheck(
            scenario.Name, Freshness.WithinRounding,
            $"{versions}: greatest difference {greatest.Greatest}; the rule allows {Tolerance.RoundingUlps} ulps of {dtype.Name()}{note}");
    }

    // The quantities a fixture holds, each compared at its own scale.
    private static ReferenceNumbers[] Quantities(
        IReadOnlyList<NamedTensor> handRolledInitial, IReadOnlyList<NamedTensor> torchInitial, TrainingTrace torch) =>
    [
        ReferenceNumbers.Tensors("hand-rolled initial parameters", handRolledInitial),
        ReferenceNumbers.Tensors("PyTorch initial parameters", torchInitial),
        ReferenceNumbers.Curve("losses", torch.Losses),
        ReferenceNumbers.Tensors("first steps' gradients", torch.Steps.Select(s => ($"step {s.Step}: ", s.Gradients))),
        ReferenceNumbers.Tensors("parameters after the first steps", torch.Steps.Select(s => ($"step {s.Step}: ", s.Parameters))),
        ReferenceNumbers.Tensors("final parameters", torch.FinalParameters),
    ];

    private static bool WithinVersionDrift(ReferenceNumbers.Difference difference, DType dtype) =>
        Tolerance.AcrossVersions(dtype, difference.Scale).IsClose(difference.Absolute, 0);
}
