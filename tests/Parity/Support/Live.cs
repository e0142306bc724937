using Parity.Harness.Reference;
using Parity.Harness.Running;
using Parity.TorchReference;

namespace Parity.Tests.Support;

/// <summary>
/// The one harness session of a test run, and with it the one PyTorch worker, shared by every test (torch is
/// imported once). Tests that need live PyTorch call <see cref="TorchAsync"/>: when no Python with torch is found
/// they are skipped with the reason — or fail, when torch is required (<see cref="Settings.Required"/>; CI requires it).
/// </summary>
internal static class Live
{
    private static readonly Lazy<ParityHarness> Session = new(() => new ParityHarness(
        new HarnessOptions(Repository.Root, ReferenceMode.Auto, Settings.Python)));

    /// <summary>The shared harness session (reference mode: auto; callers choose per run).</summary>
    public static ParityHarness Harness => Session.Value;

    /// <summary>The shared client, once the worker has started.</summary>
    public static async Task<TorchReferenceClient> TorchAsync()
    {
        if (await Harness.TorchAvailableAsync().ConfigureAwait(false))
        {
            return await Harness.TorchAsync().ConfigureAwait(false);
        }

        Requires.Check(Requires.Torch, await UnavailableReasonAsync().ConfigureAwait(false));
        return null!;
    }

    /// <summary>
    /// Where the PyTorch side of catalogue tests comes from: the <c>Reference</c> run setting; <c>auto</c> means
    /// live when PyTorch is found (always, when it is required), else the committed fixtures.
    /// </summary>
    public static async Task<ReferenceMode> ReferenceModeAsync()
    {
        var setting = Settings.Reference;
        if (setting == ReferenceMode.Live || (setting == ReferenceMode.Auto && Settings.RequireTorch))
        {
            await TorchAsync().ConfigureAwait(false);
            return ReferenceMode.Live;
        }

        return setting == ReferenceMode.Fixtures || !await Harness.TorchAvailableAsync().ConfigureAwait(false)
            ? ReferenceMode.Fixtures
            : ReferenceMode.Live;
    }

    /// <summary>Stops the worker at the end of the run.</summary>
    public static async Task ShutdownAsync()
    {
        if (Session.IsValueCreated)
        {
            await Session.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<string> UnavailableReasonAsync()
    {
        try
        {
            await Harness.TorchAsync().ConfigureAwait(false);
            return "unknown";
        }
        catch (Exception error)
        {
            return error.Message;
        }
    }
}
