using NUnit.Framework;
using Parity.TorchReference;
using Parity.TorchReference.Worker;

namespace Parity.Tests.Support;

/// <summary>
/// The one PyTorch worker of a test run, shared by every test (torch is imported once). Tests that need it call
/// <see cref="TorchAsync"/>: when no Python with torch is found they are skipped with the reason — or fail,
/// when the run settings say <c>RequireTorch</c> (CI does).
/// </summary>
internal static class Live
{
    private static readonly Lazy<TorchReferenceClient> Client = new(() =>
        new TorchReferenceClient(new TorchWorker(PythonCandidates.For(Settings.Python))));

    private static Task<Exception?>? probe;

    /// <summary>The shared client, once the worker has started.</summary>
    public static async Task<TorchReferenceClient> TorchAsync()
    {
        var failure = await (probe ??= ProbeAsync()).ConfigureAwait(false);
        if (failure is null)
        {
            return Client.Value;
        }

        if (Settings.RequireTorch)
        {
            Assert.Fail($"PyTorch is required by the run settings (RequireTorch=true) but unavailable: {failure.Message}");
        }

        Assert.Ignore($"Live PyTorch unavailable, test skipped: {failure.Message}");
        return null!;
    }

    /// <summary>Stops the worker at the end of the run.</summary>
    public static async Task ShutdownAsync()
    {
        if (Client.IsValueCreated)
        {
            await Client.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<Exception?> ProbeAsync()
    {
        try
        {
            await Client.Value.DefaultInitAsync(new([1, 1], [Parity.HandRolled.Model.Activation.Identity], false), 0).ConfigureAwait(false);
            return null;
        }
        catch (TorchUnavailableException error)
        {
            return error;
        }
    }
}
