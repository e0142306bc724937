using NUnit.Framework;
using Parity.Tests.Support;

namespace Parity.Tests.Cli;

/// <summary>
/// <c>parity snapshots</c> finds the catalogue's snapshots by Verify's naming alone: a scenario's name selects its
/// received files, and a verified file that ends in no catalogue scenario's name is an orphan.
/// </summary>
public sealed class SnapshotsCommandTests
{
    private static readonly string Folder = Path.Combine("tests", "Parity", "Catalogue");

    private ScratchRepository scratch = null!;

    [SetUp]
    public void CopyRepository() => scratch = ScratchRepository.With("xor-seed-parity", "xor-tanh");

    [TearDown]
    public void DeleteCopy() => scratch.Dispose();

    [Test]
    public async Task Accept_ScenarioName_AcceptsItsReceivedFilesOnly()
    {
        var verified = scratch.Write(Path.Combine(Folder, "AnyTests.Curves_xor-seed-parity.verified.csv"), "old\n");
        scratch.Write(Path.Combine(Folder, "AnyTests.Curves_xor-seed-parity.received.csv"), "new\n");
        scratch.Write(Path.Combine(Folder, "AnyTests.Curves_xor-seed-parity.received.txt"), "first\n");
        scratch.Write(Path.Combine(Folder, "AnyTests.Curves_xor-seed-parity.received.svg"), "<svg/>\n");
        var other = scratch.Write(Path.Combine(Folder, "AnyTests.Curves_xor-tanh.received.csv"), "not asked for\n");

        var (exit, stdout, error) = await CliRunner.RunInAsync(scratch.Root, "snapshots", "accept", "xor-seed-parity");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(stdout, Does.Contain("2 snapshot file(s) accepted"));
            Assert.That(File.ReadAllText(verified), Is.EqualTo("new\n"));
            Assert.That(
                Directory.GetFiles(Path.Combine(scratch.Root, Folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal),
                Is.EqualTo(new[] { "AnyTests.Curves_xor-seed-parity.verified.csv", "AnyTests.Curves_xor-seed-parity.verified.txt", Path.GetFileName(other) }));
        });
    }

    [Test]
    public async Task Accept_NameWithNothingPending_SaysSoAndChangesNothing()
    {
        scratch.Write(Path.Combine(Folder, "AnyTests.Curves_xor-tanh.verified.csv"), "kept\n");
        var before = scratch.State();

        var (exit, stdout, _) = await CliRunner.RunInAsync(scratch.Root, "snapshots", "accept", "xor-tanh");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0));
            Assert.That(stdout, Does.StartWith("nothing to accept for xor-tanh\n0 snapshot file(s) accepted"));
            Assert.That(scratch.State(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Status_VerifiedFileOfNoCatalogueScenario_IsAnOrphan()
    {
        scratch.Write(Path.Combine(Folder, "AnyTests.Curves_xor-tanh.verified.csv"), "owned\n");
        scratch.Write(Path.Combine(Folder, "AnyTests.Curves_xor-deleted.verified.csv"), "orphan\n");
        scratch.Write(Path.Combine(Folder, "AnyTests.Curves_xor-seed-parity.verified.txt"), "");
        scratch.Write(Path.Combine(Folder, "AnyTests.Curves_xor-seed-parity.received.txt"), "first\n");

        var (exit, stdout, _) = await CliRunner.RunInAsync(scratch.Root, "snapshots", "status");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[..2], Is.EqualTo(new[]
            {
                "orphaned  tests/Parity/Catalogue/AnyTests.Curves_xor-deleted.verified.csv",
                "new       tests/Parity/Catalogue/AnyTests.Curves_xor-seed-parity.received.txt",
            }), "an empty verified file is the one a diff tool was opened on: the snapshot is new");
        });
    }
}
