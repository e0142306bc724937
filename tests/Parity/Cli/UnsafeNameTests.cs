using NUnit.Framework;
using Parity.Tests.Support;

namespace Parity.Tests.Cli;

/// <summary>
/// A scenario name given on the command line that is not an existing path and not a plain name: refused with exit 2
/// before it becomes a path, so nothing outside fixtures/ or the snapshot folder is read or written.
/// </summary>
public sealed class UnsafeNameTests
{
    private ScratchRepository scratch = null!;

    [SetUp]
    public void CopyRepository()
    {
        scratch = ScratchRepository.With("xor-seed-parity");
        scratch.Write(Path.Combine("tests", "Parity", "Catalogue", "ScenarioSnapshotTests.Catalogue_xor-seed-parity.received.csv"), "pending\n");
    }

    [TearDown]
    public void DeleteCopy() => scratch.Dispose();

    public static IEnumerable<TestCaseData> Cases() =>
        from command in new[] { "run", "fixtures regenerate", "snapshots accept" }
        from name in UnsafeNames.All
        select new TestCaseData(command, name.Name, name.Reason).SetArgDisplayNames($"{command}, {name.Display}");

    [TestCaseSource(nameof(Cases))]
    public async Task Command_UnsafeName_ExitsTwoAndTouchesNothing(string command, string name, string reason)
    {
        string[] arguments = command == "run" ? ["run", name, "--reference", "fixtures", "--out", "out"] : [.. command.Split(' '), name];
        var before = scratch.State();

        var (exit, stdout, error) = await CliRunner.RunInAsync(scratch.Root, arguments);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2), error + stdout);
            Assert.That(error, Does.StartWith($"parity: {name}: ").And.Contain("not a ").And.Contain(reason));
            Assert.That(scratch.State(), Is.EqualTo(before), "nothing written, moved or deleted");
        });
    }

    [Test]
    public async Task SnapshotsAccept_FullSnapshotNameThatEscapes_ExitsTwoAndSaysWhy()
    {
        var before = scratch.State();

        var (exit, _, error) = await CliRunner.RunInAsync(scratch.Root, "snapshots", "accept", "ScenarioSnapshotTests.Catalogue_../../../x");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Is.EqualTo(
                "parity: ScenarioSnapshotTests.Catalogue_../../../x: not a scenario or snapshot name: a name cannot contain path separators or \"..\"\n"));
            Assert.That(scratch.State(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task SnapshotsStatus_OddFileNamesInTheFolder_ListsWhatItCanAndTouchesNothing()
    {
        foreach (var odd in new[] { ".received.csv", "x.received.", "CON.received.csv", "a\\b.verified.csv" })
        {
            scratch.Write(Path.Combine("tests", "Parity", "Catalogue", odd), "?\n");
        }

        var before = scratch.State();

        var (exit, stdout, error) = await CliRunner.RunInAsync(scratch.Root, "snapshots", "status");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1), error);
            Assert.That(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[..3], Is.EqualTo(new[]
            {
                "new       tests/Parity/Catalogue/CON.received.csv",
                "new       tests/Parity/Catalogue/ScenarioSnapshotTests.Catalogue_xor-seed-parity.received.csv",
                "orphaned  tests/Parity/Catalogue/a\\b.verified.csv",
            }));
            Assert.That(scratch.State(), Is.EqualTo(before));
        });
    }
}
