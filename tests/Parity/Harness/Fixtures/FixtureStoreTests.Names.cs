using NUnit.Framework;
using Parity.Harness.Fixtures;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Fixtures;

/// <summary>A scenario name that would reach outside fixtures/ is refused before it becomes a path.</summary>
public sealed partial class FixtureStoreTests
{
    public static IEnumerable<TestCaseData> EscapingNames() => UnsafeNames.Cases();

    [TestCaseSource(nameof(EscapingNames))]
    public void EveryOperation_UnsafeName_IsRefusedAndTouchesNothing(string name, string reason)
    {
        var store = Store;
        var scenario = scratch.Load(Seed);
        var fixture = store.Load(scenario);
        var renamed = scenario with { Name = name };
        var before = scratch.State();

        Assert.Multiple(() =>
        {
            foreach (var (operation, act) in new (string, Action)[]
            {
                ("FolderOf", () => store.FolderOf(name)),
                ("Exists", () => store.Exists(name)),
                ("Recover", () => store.Recover(name)),
                ("Load", () => store.Load(renamed)),
                ("Write", () => store.Write(renamed, fixture)),
            })
            {
                Assert.That(act, Throws.TypeOf<FixtureException>().With.Message.Contains(": not a scenario name: ").And.Message.Contains(reason), operation);
            }
        });
        Assert.That(scratch.State(), Is.EqualTo(before), "nothing was written, moved or deleted");
    }
}
