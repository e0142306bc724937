using System.Text;
using NUnit.Framework;
using Parity.Common;

namespace Parity.Tests.Common;

/// <summary>The one atomic write: the whole new content or the old, and nothing left beside the target.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AtomicFileTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("parity-atomic-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Write_IntoAFolderNotYetThere_CreatesItAndWritesUtf8WithoutAByteOrderMark()
    {
        var path = Path.Combine(folder, "a", "b", "losses.csv");

        AtomicFile.Write(path, "epoch,loss\n0,0.25 — ½\n");

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Encoding.UTF8.GetBytes("epoch,loss\n0,0.25 — ½\n")));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Is.EqualTo(new[] { path }), "no temporary file is left");
    }

    [Test]
    public void Write_OverAnExistingFile_ReplacesItWhole()
    {
        var path = Path.Combine(folder, "meta.json");
        File.WriteAllText(path, new string('x', 10_000));

        AtomicFile.Write(path, "{}\n");

        Assert.That(File.ReadAllText(path), Is.EqualTo("{}\n"));
        Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void Write_ThatCannotRename_ThrowsLeavesTheTargetAsItWasAndNoTemporaryFile()
    {
        // A folder where the file should go: the rename fails after the new content was written in full.
        var path = Directory.CreateDirectory(Path.Combine(folder, "fixture")).FullName;
        File.WriteAllText(Path.Combine(path, "kept.csv"), "old");

        Assert.Catch<IOException>(() => AtomicFile.Write(path, "new"));

        Assert.That(File.ReadAllText(Path.Combine(path, "kept.csv")), Is.EqualTo("old"));
        Assert.That(Directory.GetFiles(folder), Is.Empty, "the temporary file is deleted");
    }
}
