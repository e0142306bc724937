using NUnit.Framework;
using Parity.Harness.Snapshots;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Snapshots;

public sealed class SnapshotMaintenanceTests
{
    private string directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        directory = Path.Combine(Path.GetTempPath(), "parity-snapshots-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Accept_Received_MovesOverVerified()
    {
        Write("A.B_x.verified.csv", "old\n");
        Write("A.B_x.received.csv", "new\n");
        Write("A.B_x.received.svg", "<svg/>\n");

        var result = SnapshotMaintenance.Accept(directory, ["A.B_x"]);

        Assert.That(result.Accepted, Is.EqualTo(new[] { Path.Combine(directory, "A.B_x.verified.csv") }));
        Assert.That(result.NothingToAccept, Is.Empty);
        Assert.That(File.ReadAllText(Path.Combine(directory, "A.B_x.verified.csv")), Is.EqualTo("new\n"));
        Assert.That(Files(), Is.EqualTo(new[] { "A.B_x.verified.csv" }), "received file and plot are gone");
    }

    [Test]
    public void Accept_NoReceived_LeavesVerifiedUntouched()
    {
        var verified = Write("A.B_x.verified.csv", "kept\n");
        var stamp = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(verified, stamp);
        var bytes = File.ReadAllBytes(verified);

        var result = SnapshotMaintenance.Accept(directory, ["A.B_x"]);

        Assert.That(result.Accepted, Is.Empty);
        Assert.That(result.NothingToAccept, Is.EqualTo(new[] { "A.B_x" }));
        Assert.That(File.ReadAllBytes(verified), Is.EqualTo(bytes));
        Assert.That(File.GetLastWriteTimeUtc(verified), Is.EqualTo(stamp));
    }

    [Test]
    public void Accept_NoNames_AcceptsEveryPendingSnapshot()
    {
        Write("A.B_x.verified.csv", "old\n");
        Write("A.B_x.received.csv", "new\n");
        Write("A.C_y.received.txt", "first\n");
        Write("A.D_z.verified.csv", "untouched\n");

        var result = SnapshotMaintenance.Accept(directory, []);

        Assert.That(result.Accepted.Select(Path.GetFileName), Is.EquivalentTo(new[] { "A.B_x.verified.csv", "A.C_y.verified.txt" }));
        Assert.That(Files(), Is.EqualTo(new[] { "A.B_x.verified.csv", "A.C_y.verified.txt", "A.D_z.verified.csv" }));
    }

    [Test]
    public void Accept_NameThatPrefixesAnother_AcceptsOnlyItsOwnFiles()
    {
        Write("A.B.received.csv", "mine\n");
        Write("A.B_x.received.csv", "another's\n");

        SnapshotMaintenance.Accept(directory, ["A.B"]);

        Assert.That(Files(), Is.EqualTo(new[] { "A.B.verified.csv", "A.B_x.received.csv" }));
    }

    [Test]
    public void Status_FindsPendingAndOrphans()
    {
        Write("A.B_x.verified.csv", "old\n");
        Write("A.B_x.received.csv", "new\n");
        Write("A.B_x.received.svg", "<svg/>\n");
        Write("A.C_y.received.txt", "first\n");
        Write("A.Gone_z.verified.csv", "nobody's\n");
        Write("README.md", "not a snapshot\n");

        var pending = SnapshotMaintenance.Status(directory, name => name != "A.Gone_z");

        Assert.That(pending.Select(p => (p.Name, p.Extension, p.State)), Is.EqualTo(new[]
        {
            ("A.B_x", "csv", SnapshotState.Changed),
            ("A.C_y", "txt", SnapshotState.New),
            ("A.Gone_z", "csv", SnapshotState.Orphaned),
        }));
        Assert.That(pending[2].Path, Is.EqualTo(Path.Combine(directory, "A.Gone_z.verified.csv")));
    }

    [Test]
    public void Status_EmptyVerifiedFile_IsNew()
    {
        // The empty verified file DiffEngine makes (through EmptyFiles) to open a new snapshot in the diff tool.
        Write("A.B_x.verified.csv", "");
        Write("A.B_x.received.csv", "first\n");

        Assert.That(SnapshotMaintenance.Status(directory, _ => true).Single().State, Is.EqualTo(SnapshotState.New));
    }

    [Test]
    public void Status_MissingDirectory_IsEmpty()
    {
        Assert.That(SnapshotMaintenance.Status(Path.Combine(directory, "none"), _ => true), Is.Empty);
    }

    [Test]
    public void Accept_ReceivedVanishedBeforeItIsRead_LeavesVerifiedUntouched()
    {
        // Listed, but gone when read: a symbolic link to nothing (a rename would have moved the link over the verified file).
        var verified = Write("A.B_x.verified.csv", "kept\n");
        File.CreateSymbolicLink(Path.Combine(directory, "A.B_x.received.csv"), Path.Combine(directory, "deleted.csv"));

        var result = SnapshotMaintenance.Accept(directory, []);

        Assert.That(result.Accepted, Is.Empty);
        Assert.That(result.NothingToAccept, Is.EqualTo(new[] { "A.B_x" }));
        Assert.That(File.ReadAllText(verified), Is.EqualTo("kept\n"));
        Assert.That(new FileInfo(verified).LinkTarget, Is.Null, "still a regular file");
    }

    [Test]
    public void Accept_ReceivedUnreadable_ChangesNothing()
    {
        // A file that cannot be opened whoever runs the test (root reads a chmod 000 file): a link to itself.
        Write("A.B_x.verified.csv", "old\n");
        Write("A.B_x.received.csv", "new\n");
        Write("A.C_y.verified.csv", "old too\n");
        var unreadable = Path.Combine(directory, "A.C_y.received.csv");
        File.CreateSymbolicLink(unreadable, unreadable);
        var before = Contents();

        Assert.That(() => SnapshotMaintenance.Accept(directory, []),
            Throws.InstanceOf<IOException>().With.Message.Contains($"{unreadable} cannot be read").And.Message.Contains("nothing was accepted"));
        Assert.That(Contents(), Is.EqualTo(before), "A.B_x, readable, is not accepted either");
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Accept_VerifiedReadOnly_RefusesAndChangesNothing()
    {
        Write("A.B_x.verified.csv", "old\n");
        Write("A.B_x.received.csv", "new\n");
        var locked = Write("A.C_y.verified.csv", "locked\n");
        Write("A.C_y.received.csv", "new\n");
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = Contents();

        Assert.That(() => SnapshotMaintenance.Accept(directory, []),
            Throws.InstanceOf<UnauthorizedAccessException>().With.Message.EqualTo(
                $"{locked} is read-only; nothing was accepted. Make it writable to accept A.C_y.received.csv over it."));
        Assert.That(Contents(), Is.EqualTo(before));
    }

    [Test]
    public void Accept_LeftoverTemporaryFile_IsNeitherListedNorInTheWay()
    {
        // What an accept killed between writing its temporary file and renaming it leaves behind.
        Write(".A.B_x.verified.csv.0123456789abcdef.tmp", "ne");
        Write("A.B_x.verified.csv", "old\n");
        Write("A.B_x.received.csv", "new\n");

        var pending = SnapshotMaintenance.Status(directory, _ => true);
        SnapshotMaintenance.Accept(directory, ["A.B_x"]);

        Assert.That(pending.Select(p => p.Path), Is.EqualTo(new[] { Path.Combine(directory, "A.B_x.received.csv") }));
        Assert.That(File.ReadAllText(Path.Combine(directory, "A.B_x.verified.csv")), Is.EqualTo("new\n"));
    }

    [TestCase("../A.B_x", "'..'")]
    [TestCase("sub/A.B_x", "'/'")]
    [TestCase("sub\\A.B_x", "'\\'")]
    [TestCase("A.B_x?", "'?'")]
    [TestCase("A:B", "':'")]
    [TestCase(" ", "is empty")]
    public void Accept_BadName_Throws(string name, string says)
    {
        Write("A.B_x.received.csv", "new\n");

        Assert.That(() => SnapshotMaintenance.Accept(directory, [name]),
            Throws.ArgumentException.With.Message.Contains($"Snapshot name '{name}'").And.Message.Contains(says));
        Assert.That(Files(), Is.EqualTo(new[] { "A.B_x.received.csv" }), "nothing is accepted when a name is refused");
    }

    public static IEnumerable<TestCaseData> Unsafe() => UnsafeNames.Names();

    [TestCaseSource(nameof(Unsafe))]
    public void Accept_UnsafeName_IsRefusedAndTouchesNothingInsideOrAround(string name)
    {
        // The snapshot folder sits inside the test's folder, which holds a received file "../name" would reach.
        var folder = Directory.CreateDirectory(Path.Combine(directory, "snapshots")).FullName;
        File.WriteAllText(Path.Combine(folder, "A.B_x.received.csv"), "new\n");
        Write("xor-seed-parity.received.csv", "outside\n");
        var before = ScratchRepository.StateOf(directory);

        Assert.That(() => SnapshotMaintenance.Accept(folder, [name]), Throws.ArgumentException.With.Message.StartsWith("Snapshot name '"));
        Assert.That(ScratchRepository.StateOf(directory), Is.EqualTo(before), "nothing accepted, inside the folder or around it");
    }

    [TestCase("CON.received.csv", "reserved device name 'CON'")]
    [TestCase("sub\\x.received.csv", "contains '\\'")]
    [TestCase(" lead.received.txt", "starts or ends with a space")]
    public void Accept_EveryPendingWithOneUnsafeName_RefusesBeforeAcceptingAny(string stray, string says)
    {
        Write("A.B_x.received.csv", "new\n");
        Write(stray, "stray\n");

        Assert.That(() => SnapshotMaintenance.Accept(directory, []), Throws.ArgumentException.With.Message.Contains(says));
        Assert.That(Files(), Is.EquivalentTo(new[] { "A.B_x.received.csv", stray }), "nothing is accepted when one name is refused");
    }

    [Test]
    public void Status_OddFileNames_ListsSnapshotsAndSkipsTheRest()
    {
        foreach (var odd in new[] { ".received.csv", "x.received.", "..received.csv", "CON.received.csv", "a\\b.verified.csv" })
        {
            Write(odd, "?\n");
        }

        var pending = SnapshotMaintenance.Status(directory, _ => false);

        Assert.That(pending.Select(p => (p.Name, p.State)), Is.EqualTo(new[] { ("CON", SnapshotState.New), ("a\\b", SnapshotState.Orphaned) }));
    }

    private string Write(string file, string content)
    {
        var path = Path.Combine(directory, file);
        File.WriteAllText(path, content);
        return path;
    }

    private Dictionary<string, string> Contents() =>
        Directory.GetFiles(directory).Where(f => new FileInfo(f).LinkTarget is null).ToDictionary(f => f, File.ReadAllText);

    private string?[] Files() => [.. Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal)];
}
