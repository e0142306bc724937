using Parity.Harness.Reference;
using Parity.Harness.Running;
using Parity.TorchReference;

namespace Parity.Tests.Support;

/// <summary>
/// The one harness session of a test run, shared by every test: libtorch is loaded once (TorchSharp, in process) and the
/// Python worker started once (torch imported once). Tests that need a live reference call <see cref="TorchSharpAsync"/>
/// or <see cref="TorchAsync"/> (the Python worker): when it is unavailable they are skipped with the reason — or fail,
/// when it is required (<see cref="Settings.Required"/>; CI requires both).
/// </summary>
internal static class Live
{
    private static readonly Lazy<ParityHarness> Session = new(() => new ParityHarness(
        new HarnessOptions(Repository.Root, ReferenceSource.Auto, Settings.Python)));

    /// <summary>The shared harness session (reference: auto; callers choose per run).</summary>
    public static ParityHarness Harness => Session.Value;

    /// <summary>The Python worker's client, once the worker has started.</summary>
    public static async Task<TorchReferenceClient> TorchAsync()
    {
        if (await Harness.TorchAvailableAsync().ConfigureAwait(false))
        {
            return await Harness.TorchAsync().ConfigureAwait(false);
        }

        Requires.Check(Requires.Torch, await UnavailableReasonAsync(ReferenceSource.PyTorch).ConfigureAwait(false));
        return null!;
    }

    /// <summary>TorchSharp's reference, once libtorch is loaded.</summary>
    public static async Task<ITorchReference> TorchSharpAsync()
    {
        Requires.Check(Requires.TorchSharp, await UnavailableReasonAsync(ReferenceSource.TorchSharp).ConfigureAwait(false));
        return await Harness.LiveAsync(ReferenceSource.TorchSharp).ConfigureAwait(false);
    }

    /// <summary>
    /// Where the PyTorch side of catalogue tests comes from: the <c>Reference</c> run setting (or PARITY_REFERENCE). A live
    /// source is required to be usable; <c>auto</c> takes TorchSharp, the Python worker or the fixtures, the first usable —
    /// but a reference the run requires is never passed over.
    /// </summary>
    public static async Task<ReferenceSource> ReferenceSourceAsync()
    {
        var setting = Settings.Reference;
        if (setting == ReferenceSource.TorchSharp || (setting == ReferenceSource.Auto && Settings.Required.Contains(Requires.TorchSharp.Name)))
        {
            await TorchSharpAsync().ConfigureAwait(false);
            return ReferenceSource.TorchSharp;
        }

        if (setting == ReferenceSource.PyTorch)
        {
            await TorchAsync().ConfigureAwait(false);
            return ReferenceSource.PyTorch;
        }

        return setting == ReferenceSource.Fixtures ? setting : (await Harness.ChooseAsync(ReferenceSource.Auto).ConfigureAwait(false)).Source;
    }

    /// <summary>Stops the worker at the end of the run.</summary>
    public static async Task ShutdownAsync()
    {
        if (Session.IsValueCreated)
        {
            await Session.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<string?> UnavailableReasonAsync(ReferenceSource source)
    {
        try
        {
            await Harness.LiveAsync(source).ConfigureAwait(false);
            return null;
        }
        catch (Exception error)
        {
            return error.Message;
        }
    }
}
