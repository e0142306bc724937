using NUnit.Framework;
using Parity.Harness.Fixtures;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Fixtures;

/// <summary>
/// The fixture store against corrupt copies of a real fixture (<c>xor-seed-parity</c>, copied to a temporary folder):
/// every refusal names the file, the line and column (or the JSON path) and what was expected.
/// </summary>
[TestFixture]
public sealed partial class FixtureStoreTests
{
    private const string Seed = "xor-seed-parity";

    private ScratchRepository scratch = null!;

    [SetUp]
    public void CopyFixture() => scratch = ScratchRepository.With(Seed);

    [TearDown]
    public void DeleteCopy() => scratch.Dispose();

    private FixtureStore Store => new(scratch.Fixtures);

    [Test]
    public void Load_IntactCopy_ReadsEveryFile()
    {
        var fixture = Store.Load(scratch.Load(Seed));

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Meta.Scenario, Is.EqualTo(Seed));
            Assert.That(fixture.Torch.Losses, Has.Count.EqualTo(5000));
            Assert.That(fixture.Torch.Steps, Has.Count.EqualTo(10));
            Assert.That(fixture.HandRolledInitial.Select(t => t.Name), Is.EqualTo(new[] { "0.weight", "1.weight" }));
            Assert.That(fixture.Torch.FinalParameters.Select(t => t.Values.Count), Is.EqualTo(new[] { 10, 5 }));
        });
    }

    /// <summary>The store's refusal of the copy as it now is; failing the test when it loads instead.</summary>
    private FixtureException Refused() => Refused(() => Store.Load(scratch.Load(Seed)));

    private static FixtureException Refused(Action load) => Assert.Throws<FixtureException>(load)!;

    /// <summary><c>xor-seed-parity/losses.csv</c> as messages show it, relative to wherever the tests run.</summary>
    private static string Shown(string file) => Path.Combine(Seed, file);
}
