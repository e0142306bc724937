using Parity.Harness.Comparison;
using Parity.Harness.Fixtures;
using Parity.Harness.Reference;
using Parity.Harness.Scenarios;
using Parity.TorchReference;
using Parity.TorchReference.Worker;

namespace Parity.Harness.Running;

/// <summary>
/// One harness session: resolves scenarios, gets PyTorch's side (live through one shared worker, or from the
/// fixtures), trains the hand-rolled side from the same initial parameters, compares and diagnoses. Safe to use
/// from parallel tests: scenarios train side by side, PyTorch requests queue for the one worker.
/// </summary>
public sealed partial class ParityHarness : IAsyncDisposable
{
    private readonly Lazy<TorchReferenceClient> client;
    private readonly InitResolver inits;
    private Task<Exception?>? probe;

    public ParityHarness(HarnessOptions options)
    {
        Options = options;
        Fixtures = new FixtureStore(options.Fixtures);
        client = new(() => new TorchReferenceClient(new TorchWorker(PythonCandidates.For(options.Python))));
        inits = new InitResolver(TorchAsync);
    }

    public HarnessOptions Options { get; }

    public FixtureStore Fixtures { get; }

    /// <summary>Loads a scenario by catalogue name or path.</summary>
    public Scenario Load(string nameOrPath) => ScenarioLoader.Resolve(nameOrPath, Options.Catalogue);

    /// <summary>The catalogue's scenario names, sorted.</summary>
    public IReadOnlyList<string> CatalogueNames() =>
        Directory.Exists(Options.Catalogue)
            ? [.. Directory.GetFiles(Options.Catalogue, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).Select(n => n!)]
            : [];

    /// <summary>Whether live PyTorch can be used (starts the worker once to find out).</summary>
    public async Task<bool> TorchAvailableAsync() => await (probe ??= ProbeAsync()).ConfigureAwait(false) is null;

    /// <summary>The live client, once the worker has started.</summary>
    /// <exception cref="TorchUnavailableException">No Python with torch.</exception>
    public async Task<TorchReferenceClient> TorchAsync()
    {
        if (await (probe ??= ProbeAsync()).ConfigureAwait(false) is { } failure)
        {
            throw failure;
        }

        return client.Value;
    }

    /// <summary>Trains both sides of the scenario and compares them; PyTorch's side from <paramref name="mode"/> or the session's.</summary>
    public async Task<ScenarioResult> RunAsync(Scenario scenario, ReferenceMode? mode = null, CancellationToken cancellation = default)
    {
        var reference = await ReferenceAsync(scenario, mode ?? Options.Reference, cancellation).ConfigureAwait(false);
        var hand = HandRolled.Trainer.Train(
            scenario.NetworkOf(scenario.HandRolled),
            scenario.HandRolled.ToOptions(scenario.Epochs, Options.StepDetails),
            reference.HandRolledInitial,
            scenario.Data);
        return Conclude(scenario, hand, reference);
    }

    /// <summary>Compares a trace of the hand-rolled side (built-in or external) with the reference, and diagnoses.</summary>
    public ScenarioResult Conclude(Scenario scenario, HandRolled.Model.TrainingTrace hand, ReferenceRun reference)
    {
        var curve = CurveComparison.Compare(hand.Losses, reference.Torch.Losses, scenario.Tolerance);
        var diagnosis = new Diagnosis.Diagnoser(scenario).Diagnose(hand, reference, curve);
        return new ScenarioResult(scenario, hand, reference, curve, diagnosis);
    }

    /// <summary>PyTorch's side of the scenario from the given source.</summary>
    public async Task<ReferenceRun> ReferenceAsync(Scenario scenario, ReferenceMode mode, CancellationToken cancellation = default)
    {
        if (mode == ReferenceMode.Auto)
        {
            mode = await TorchAvailableAsync().ConfigureAwait(false) ? ReferenceMode.Live : ReferenceMode.Fixtures;
        }

        if (mode == ReferenceMode.Fixtures)
        {
            var fixture = Fixtures.Load(scenario);
            return new ReferenceRun(
                fixture.Torch, fixture.HandRolledInitial, fixture.TorchInitial, ReferenceMode.Fixtures, fixture.Meta.Torch, fixture.Meta.Python);
        }

        var handInitial = await inits.ResolveAsync(scenario, scenario.HandRolled, cancellation).ConfigureAwait(false);
        var torchInitial = await inits.ResolveAsync(scenario, scenario.Torch, cancellation).ConfigureAwait(false);
        var run = await TrainLiveAsync(
            scenario.NetworkOf(scenario.Torch),
            scenario.Torch.ToOptions(scenario.Epochs, Options.StepDetails),
            scenario.Data,
            torchInitial,
            cancellation).ConfigureAwait(false);
        return new ReferenceRun(run.Trace, handInitial, torchInitial, ReferenceMode.Live, run.TorchVersion, run.PythonVersion);
    }

    /// <summary>Stops the PyTorch worker, if one was started.</summary>
    public async ValueTask DisposeAsync()
    {
        if (client.IsValueCreated)
        {
            await client.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<Exception?> ProbeAsync()
    {
        try
        {
            await client.Value.DefaultInitAsync(new([1, 1], [HandRolled.Model.Activation.Identity], false), 0).ConfigureAwait(false);
            return null;
        }
        catch (TorchUnavailableException error)
        {
            return error;
        }
    }
}
