using Parity.HandRolled.Model;
using Parity.Harness.Fixtures;
using Parity.Harness.Reference;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Running;

public sealed partial class ParityHarness
{
    /// <summary>The fixtures' rtol across PyTorch versions (bit-exact on the same version).</summary>
    public const double CrossVersionRtol = 1e-6;

    /// <summary>Runs live PyTorch for the scenario and writes its fixture atomically.</summary>
    public async Task<Fixture> RegenerateAsync(Scenario scenario, CancellationToken cancellation = default)
    {
        var fixture = await LiveFixtureAsync(scenario, cancellation).ConfigureAwait(false);
        Fixtures.Write(scenario, fixture);
        return fixture;
    }

    /// <summary>The fixture <see cref="RegenerateAsync"/> writes, from live PyTorch, without writing it.</summary>
    public async Task<Fixture> LiveFixtureAsync(Scenario scenario, CancellationToken cancellation = default)
    {
        var run = await ReferenceAsync(scenario, ReferenceMode.Live, cancellation).ConfigureAwait(false);
        return new Fixture(
            new FixtureMeta(
                scenario.Name, scenario.ContentHash, run.TorchVersion, run.PythonVersion, scenario.Torch.DType.Name(),
                scenario.Epochs, Options.StepDetails, $"{FixtureStore.RegenerateCommand} {scenario.Name}"),
            run.HandRolledInitial,
            run.TorchInitial,
            run.Torch);
    }

    /// <summary>
    /// Proves a committed fixture is what live PyTorch produces now: bit-exact on the same PyTorch version, within
    /// <see cref="CrossVersionRtol"/> otherwise; and that the scenario has not changed since it was made.
    /// </summary>
    public async Task<FixtureCheck> CheckAsync(Scenario scenario, CancellationToken cancellation = default)
    {
        var recovered = Fixtures.Recover(scenario.Name);
        Fixture committed;
        try
        {
            committed = Fixtures.Load(scenario);
        }
        catch (FixtureException error)
        {
            return new FixtureCheck(scenario.Name, false, error.Message);
        }

        var live = await ReferenceAsync(scenario, ReferenceMode.Live, cancellation).ConfigureAwait(false);
        var sameVersion = live.TorchVersion == committed.Meta.Torch;
        var rtol = sameVersion ? 0 : CrossVersionRtol;
        var differences = new List<string>();
        Compare("hand-rolled initial parameters", Flat(committed.HandRolledInitial), Flat(live.HandRolledInitial), rtol, differences);
        Compare("PyTorch initial parameters", Flat(committed.TorchInitial), Flat(live.TorchInitial), rtol, differences);
        Compare("losses", committed.Torch.Losses, live.Torch.Losses, rtol, differences);
        Compare("first steps", committed.Torch.Steps.SelectMany(s => Flat(s.Gradients).Concat(Flat(s.Parameters))).ToList(),
            live.Torch.Steps.SelectMany(s => Flat(s.Gradients).Concat(Flat(s.Parameters))).ToList(), rtol, differences);
        Compare("final parameters", Flat(committed.Torch.FinalParameters), Flat(live.Torch.FinalParameters), rtol, differences);

        var how = sameVersion
            ? $"bit-exact against PyTorch {live.TorchVersion}"
            : $"within rtol {CrossVersionRtol:G1}: made with PyTorch {committed.Meta.Torch}, live is {live.TorchVersion}";
        var note = recovered is null ? "" : $" ({recovered})";
        return differences.Count == 0
            ? new FixtureCheck(scenario.Name, true, how + note)
            : new FixtureCheck(scenario.Name, false,
                $"differs from live PyTorch ({how}): {string.Join("; ", differences)}; regenerate it: {FixtureStore.RegenerateCommand} {scenario.Name}{note}");
    }

    private static List<double> Flat(IEnumerable<NamedTensor> tensors) => [.. tensors.SelectMany(t => t.Values)];

    private static void Compare(string what, IReadOnlyList<double> committed, IReadOnlyList<double> live, double rtol, List<string> differences)
    {
        if (committed.Count != live.Count)
        {
            differences.Add($"{what}: {committed.Count} values committed, {live.Count} live");
            return;
        }

        for (var i = 0; i < live.Count; i++)
        {
            var same = rtol == 0
                ? committed[i].Equals(live[i])
                : Math.Abs(committed[i] - live[i]) <= rtol * Math.Abs(live[i]) || committed[i].Equals(live[i]);
            if (!same)
            {
                differences.Add($"{what}: value {i} is {committed[i]:R} committed, {live[i]:R} live");
                return;
            }
        }
    }
}
