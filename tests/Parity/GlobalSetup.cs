using System.Globalization;
using NUnit.Framework;
using Parity.Harness.Snapshots;

namespace Parity.Tests;

/// <summary>
/// Runs once before every test of the assembly: numbers are printed and parsed the same way on every machine,
/// whatever the locale of the developer or the CI runner, and snapshots are compared by Parity's tolerant comparer.
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
}
