using NUnit.Framework;
using Parity.Harness.Scenarios;
using Parity.Harness.Snapshots;

namespace Parity.Tests.Harness.Snapshots;

public sealed class CatalogueSnapshotsTests
{
    private static readonly string[] Catalogue = ["x", "foo_x", "xor-tanh"];

    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("parity-snapshots-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [TestCase("A.B_x", "x")]
    [TestCase("A.B_foo_x", "foo_x")]
    [TestCase("A.Long_Method_xor-tanh", "xor-tanh")]
    [TestCase("A.B_gone", null)]
    [TestCase("x", null)]
    [TestCase("_x", null)]
    public void ScenarioOf_NameEndingInAScenario_IsTheLongestSuchScenario(string name, string? scenario) =>
        Assert.That(CatalogueSnapshots.ScenarioOf(name, Catalogue), Is.EqualTo(scenario));

    [Test]
    public void Select_ScenarioOrWholeName_NamesTheirPendingSnapshots()
    {
        foreach (var file in new[] { "A.B_x.received.csv", "C.D_x.received.txt", "A.B_foo_x.received.csv", "A.B_xor-tanh.verified.csv" })
        {
            File.WriteAllText(Path.Combine(directory, file), "\n");
        }

        Assert.Multiple(() =>
        {
            Assert.That(CatalogueSnapshots.Select(directory, ["x"], Catalogue), Is.EqualTo(new[] { "A.B_x", "C.D_x" }));
            Assert.That(CatalogueSnapshots.Select(directory, ["A.B_foo_x", "foo_x"], Catalogue), Is.EqualTo(new[] { "A.B_foo_x", "A.B_foo_x" }));
            Assert.That(CatalogueSnapshots.Select(directory, ["xor-tanh"], Catalogue), Is.EqualTo(new[] { "xor-tanh" }), "nothing pending: kept, to be reported");
        });
    }

    [Test]
    public void Select_UnsafeArgument_RefusesBeforeListingAnything()
    {
        Assert.That(() => CatalogueSnapshots.Select(directory, ["x", "../x"], Catalogue),
            Throws.InstanceOf<ScenarioException>().With.Message.EqualTo("../x: not a scenario or snapshot name: a name cannot contain path separators or \"..\""));
    }
}
