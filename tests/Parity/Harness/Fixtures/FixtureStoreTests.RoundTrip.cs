using FsCheck;
using FsCheck.Fluent;
using Parity.Harness.Fixtures;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Fixtures;

/// <summary>
/// Round trip: a fixture's CSV files carry PyTorch's numbers bit for bit: a fixture written by <see cref="FixtureStore.Write"/> is
/// read back by <see cref="FixtureStore.Load"/> as the same doubles (compared by their bits), names, shapes and
/// meta. Each case writes into its own temporary folder, never into the repository's fixtures/.
/// </summary>
public sealed partial class FixtureStoreTests
{
    [FsCheck.NUnit.Property(Arbitrary = [typeof(RandomTraces)], MaxTest = 50)]
    public Property Load_RandomFixtureWrittenByWrite_IsTheSameBitForBit(FixtureCase c)
    {
        var root = Directory.CreateTempSubdirectory("parity-fixture-store-");
        try
        {
            var store = new FixtureStore(root.FullName);
            store.Write(c.Scenario, c.Fixture);

            var read = store.Load(c.Scenario);

            var differences = new List<string>();
            if (read.Meta != c.Fixture.Meta)
            {
                differences.Add($"meta read as {read.Meta}");
            }

            differences.AddRange(BitExact.Tensors(c.Fixture.HandRolledInitial, read.HandRolledInitial, "handRolled initial"));
            differences.AddRange(BitExact.Tensors(c.Fixture.TorchInitial, read.TorchInitial, "torch initial"));
            differences.AddRange(BitExact.Differences(c.Fixture.Torch, read.Torch));
            return HardValueKinds.Classified(
                (differences.Count == 0).Label($"{c}: {string.Join("; ", differences.Take(5))}"),
                TraceCase.ValuesOf(c.Fixture.Torch),
                c.Scenario.Torch.DType);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
