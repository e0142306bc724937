using System.Globalization;
using NUnit.Framework;
using Parity.Harness.Snapshots;
using Parity.Tests.Support;

namespace Parity.Tests;

/// <summary>
/// Runs once around every test of the assembly (a set-up fixture wraps the tests of its namespace and below, so it stands
/// in the root one). Before: numbers are printed and parsed the same way on every machine, whatever the locale of the
/// developer or the CI runner, snapshots are compared by Parity's tolerant comparer, and the shared PyTorch worker starts.
/// After: the worker stops, and the run says why tests were skipped.
/// </summary>
[SetUpFixture]
public sealed class GlobalSetup
{
    [OneTimeSetUp]
    public void ForceInvariantCulture()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    [OneTimeSetUp]
    public void RegisterSnapshotComparers()
    {
        VerifierSettings.RegisterStringComparer("csv", SnapshotComparer.CompareCsv);
        VerifierSettings.RegisterStringComparer("txt", SnapshotComparer.CompareText);
    }

    [OneTimeSetUp]
    public void StartWorker()
    {
        // Torch's import takes the worker a second of one core: begun now, it overlaps the run's first fixtures, which
        // are not parallel (TorchOptimizerTests), instead of holding up the first test that needs it. Not awaited: a
        // machine without torch answers the tests that ask, each with the reason.
        _ = Live.Harness.TorchAvailableAsync();
    }

    [OneTimeTearDown]
    public async Task StopWorkerAndSaySkipsAsync()
    {
        await Live.ShutdownAsync();
        if (Requires.SkipSummary() is { } skips)
        {
            await TestContext.Progress.WriteLineAsync(skips);
        }
    }
}
