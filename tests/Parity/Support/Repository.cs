using NUnit.Framework;
using Parity.Harness.Running;

namespace Parity.Tests.Support;

/// <summary>The repository the tests run in: the first folder above the test binaries that holds Parity.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = HarnessOptions.FindRoot(TestContext.CurrentContext.TestDirectory);

    /// <summary>The scenario catalogue.</summary>
    public static string Catalogue => Path.Combine(Root, "fixtures", "scenarios");

    /// <summary>One test case per catalogue scenario, named after it, in name order.</summary>
    public static IEnumerable<TestCaseData> CatalogueCases() =>
        Directory.EnumerateFiles(Catalogue, "*.json")
            .Select(path => Path.GetFileNameWithoutExtension(path)!)
            .Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name).SetArgDisplayNames(name));
}
