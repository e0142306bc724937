using Parity.Harness.Comparison;
using Parity.Harness.Fixtures;
using Parity.Harness.Reference;
using Parity.Harness.Scenarios;
using Parity.Harness.Trainers;
using Parity.TorchReference;
using Parity.TorchReference.TorchSharp;
using Parity.TorchReference.Worker;

namespace Parity.Harness.Running;

/// <summary>
/// One harness session: resolves scenarios, gets PyTorch's side (live — libtorch in process through TorchSharp, or
/// Python PyTorch through one shared worker — or from the fixtures), trains the hand-rolled side from the same initial
/// parameters, compares and diagnoses. Safe to use from parallel tests: scenarios train side by side, TorchSharp runs
/// them in parallel, requests to the Python worker queue for it.
/// </summary>
public sealed partial class ParityHarness : IAsyncDisposable
{
    private readonly Lazy<TorchReferenceClient> client;
    private readonly ITorchReference inProcess;
    private readonly Lazy<Task<Exception?>> pythonProbe;
    private readonly Lazy<Task<Exception?>> inProcessProbe;
    private readonly bool ownsWorker;

    public ParityHarness(HarnessOptions options)
        : this(options, new TorchSharpReference())
    {
    }

    /// <summary>
    /// A session whose in-process reference is <paramref name="inProcess"/>, and whose worker runs the first of
    /// <paramref name="pythons"/> that imports torch (tests stand in references that cannot be used).
    /// </summary>
    internal ParityHarness(HarnessOptions options, ITorchReference inProcess, IReadOnlyList<string>? pythons = null)
        : this(options, inProcess, new Lazy<TorchReferenceClient>(() => new TorchReferenceClient(new TorchWorker(pythons ?? PythonCandidates.For(options.Python)))), ownsWorker: true)
    {
    }

    /// <summary>
    /// A session on other options that shares <paramref name="session"/>'s references: its worker (not stopped when this
    /// session is disposed) and its in-process reference, unless <paramref name="inProcess"/> stands in for it. The tests
    /// run the CLI in process through it.
    /// </summary>
    internal ParityHarness(HarnessOptions options, ParityHarness session, ITorchReference? inProcess = null)
        : this(options, inProcess ?? session.inProcess, session.client, ownsWorker: false)
    {
    }

    private ParityHarness(HarnessOptions options, ITorchReference inProcess, Lazy<TorchReferenceClient> client, bool ownsWorker)
    {
        Options = options;
        Fixtures = new FixtureStore(options.Fixtures);
        this.client = client;
        this.ownsWorker = ownsWorker;
        this.inProcess = inProcess;
        pythonProbe = new(() => ProbeAsync(client.Value));
        inProcessProbe = new(() => ProbeAsync(inProcess));
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

    /// <summary>Whether the Python worker's PyTorch can be used (starts the worker once to find out).</summary>
    public async Task<bool> TorchAvailableAsync() => await pythonProbe.Value.ConfigureAwait(false) is null;

    /// <summary>The Python worker's client, once the worker has started.</summary>
    /// <exception cref="TorchUnavailableException">No Python with torch.</exception>
    public async Task<TorchReferenceClient> TorchAsync()
    {
        if (await pythonProbe.Value.ConfigureAwait(false) is { } failure)
        {
            throw failure;
        }

        return client.Value;
    }

    /// <summary>The live reference of <paramref name="source"/> (TorchSharp or PyTorch), once it has started.</summary>
    /// <exception cref="TorchSharpUnavailableException">TorchSharp was asked for and cannot be loaded here.</exception>
    /// <exception cref="TorchUnavailableException">PyTorch was asked for and no Python with torch was found.</exception>
    public async Task<ITorchReference> LiveAsync(ReferenceSource source)
    {
        if (source == ReferenceSource.PyTorch)
        {
            return await TorchAsync().ConfigureAwait(false);
        }

        if (source != ReferenceSource.TorchSharp)
        {
            throw new ArgumentException($"{Sources.Name(source)} is not a live reference", nameof(source));
        }

        if (await inProcessProbe.Value.ConfigureAwait(false) is { } failure)
        {
            throw failure;
        }

        return inProcess;
    }

    /// <summary>
    /// The source a request for <paramref name="requested"/> uses, and why when it is not the one asked for: auto takes
    /// TorchSharp, else the Python worker, else the committed fixtures; any other source is itself.
    /// </summary>
    public async Task<(ReferenceSource Source, string? Note)> ChooseAsync(ReferenceSource requested)
    {
        if (requested != ReferenceSource.Auto)
        {
            return (requested, null);
        }

        if (await inProcessProbe.Value.ConfigureAwait(false) is not { } noTorchSharp)
        {
            return (ReferenceSource.TorchSharp, null);
        }

        return await pythonProbe.Value.ConfigureAwait(false) is not { } noPython
            ? (ReferenceSource.PyTorch, $"TorchSharp is unavailable, so the Python worker's PyTorch is the reference: {noTorchSharp.Message}")
            : (ReferenceSource.Fixtures,
                $"no live reference here, so the committed fixtures are: TorchSharp is unavailable ({noTorchSharp.Message}) and so is Python PyTorch ({noPython.Message})");
    }

    /// <summary>
    /// Checks the built-in hand-rolled engine against the reference: <see cref="VerifyAsync"/> with
    /// <see cref="BuiltInTrainer"/>.
    /// </summary>
    public Task<ScenarioResult> RunAsync(Scenario scenario, ReferenceSource? source = null, CancellationToken cancellation = default) =>
        VerifyAsync(scenario, BuiltInTrainer.Instance, source, cancellation);

    /// <summary>
    /// Checks any trainer against the reference: PyTorch's side from <paramref name="source"/> (or the session's), the
    /// trainer as the scenario's hand-rolled side from the same initial parameters, then the comparison and diagnosis.
    /// </summary>
    /// <exception cref="TrainerException">An external trainer failed or broke the protocol.</exception>
    public async Task<ScenarioResult> VerifyAsync(
        Scenario scenario, ITrainer trainer, ReferenceSource? source = null, CancellationToken cancellation = default)
    {
        var reference = await ReferenceAsync(scenario, source ?? Options.Reference, cancellation).ConfigureAwait(false);
        var hand = await trainer.TrainAsync(
            scenario.NetworkOf(scenario.HandRolled),
            scenario.HandRolled.ToOptions(scenario.Epochs, Options.StepDetailsOf(scenario)),
            scenario.Data,
            reference.HandRolledInitial,
            cancellation).ConfigureAwait(false);
        return Conclude(scenario, hand, reference);
    }

    /// <summary>Compares a trace of the hand-rolled side (built-in or external) with the reference, and diagnoses.</summary>
    public ScenarioResult Conclude(Scenario scenario, HandRolled.Model.TrainingTrace hand, ReferenceRun reference)
    {
        var curve = CurveComparison.Compare(hand.Losses, reference.Torch.Losses, scenario.Tolerance);
        var diagnosis = new Diagnosis.Diagnoser(scenario).Diagnose(hand, reference, curve);
        return new ScenarioResult(scenario, hand, reference, curve, diagnosis);
    }

    /// <summary>PyTorch's side of the scenario from the given source (auto: the first usable, with the reason).</summary>
    public async Task<ReferenceRun> ReferenceAsync(Scenario scenario, ReferenceSource source, CancellationToken cancellation = default)
    {
        var (chosen, note) = await ChooseAsync(source).ConfigureAwait(false);
        if (chosen == ReferenceSource.Fixtures)
        {
            var fixture = Fixtures.Load(scenario);
            return new ReferenceRun(
                fixture.Torch, fixture.HandRolledInitial, fixture.TorchInitial, ReferenceSource.Fixtures,
                fixture.Meta.Source, fixture.Meta.Torch, fixture.Meta.Python, note);
        }

        var live = await LiveAsync(chosen).ConfigureAwait(false);
        var handInitial = await InitResolver.ResolveAsync(scenario, scenario.HandRolled, live, cancellation).ConfigureAwait(false);
        var torchInitial = await InitResolver.ResolveAsync(scenario, scenario.Torch, live, cancellation).ConfigureAwait(false);
        var run = await TrainLiveAsync(
            chosen,
            scenario.NetworkOf(scenario.Torch),
            scenario.Torch.ToOptions(scenario.Epochs, Options.StepDetailsOf(scenario)),
            scenario.Data,
            torchInitial,
            cancellation).ConfigureAwait(false);
        return new ReferenceRun(run.Trace, handInitial, torchInitial, chosen, run.Source, run.TorchVersion, run.PythonVersion, note);
    }

    /// <summary>Stops the PyTorch worker, if this session started it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (ownsWorker && client.IsValueCreated)
        {
            await client.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    // A reference is usable when it draws PyTorch's initialisation of the smallest network.
    private static async Task<Exception?> ProbeAsync(ITorchReference reference)
    {
        try
        {
            await reference.DefaultInitAsync(new([1, 1], [HandRolled.Model.Activation.Identity], false), 0).ConfigureAwait(false);
            return null;
        }
        catch (Exception error) when (error is TorchUnavailableException or TorchSharpUnavailableException)
        {
            return error;
        }
    }
}
