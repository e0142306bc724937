using NUnit.Framework;
using Parity.Harness.Scenarios;
using Parity.Tests.Support;

namespace Parity.Tests.Harness.Scenarios;

/// <summary>Finding a scenario by path or catalogue name, and never outside the catalogue.</summary>
public sealed partial class ScenarioLoaderTests
{
    private static readonly string[] CatalogueNames =
    [
        "xor-seed-parity", "xor-seed-parity-f64", "xor-ladder-1-as-posted", "xor-ladder-2-same-init",
        "xor-ladder-3-no-bias", "xor-ladder-4-lr-doubled", "xor-tanh", "parity3-lr-rule",
    ];

    private string Catalogue()
    {
        var catalogue = Path.Combine(directory, "catalogue");
        Directory.CreateDirectory(catalogue);
        foreach (var name in CatalogueNames)
        {
            File.WriteAllText(Path.Combine(catalogue, name + ".json"), Valid.Replace("\"tiny\"", $"\"{name}\"", StringComparison.Ordinal));
        }

        return catalogue;
    }

    [Test]
    public void Resolve_ExistingPath_LoadsThatFile()
    {
        var path = Write("elsewhere.json", Valid);

        var scenario = ScenarioLoader.Resolve(path, Catalogue());

        Assert.That(scenario.Source, Is.EqualTo(path));
    }

    [TestCase("xor-tanh")]
    [TestCase("xor-tanh.json")]
    public void Resolve_CatalogueName_LoadsTheCatalogueFile(string name)
    {
        var scenario = ScenarioLoader.Resolve(name, Catalogue());

        Assert.That(scenario.Name, Is.EqualTo("xor-tanh"));
    }

    [TestCase("xor-sed-parity", "did you mean xor-seed-parity, xor-seed-parity-f64?")]
    [TestCase("xor-ladder-5", "did you mean xor-ladder-1-as-posted, xor-ladder-2-same-init, xor-ladder-3-no-bias?")]
    [TestCase("xor-seed-parity-f46", "did you mean xor-seed-parity-f64, xor-seed-parity?")]
    [TestCase("ladder", "did you mean xor-ladder-1-as-posted, xor-ladder-2-same-init, xor-ladder-3-no-bias?")]
    [TestCase("XOR-TANH", "did you mean xor-tanh?")]
    public void Resolve_UnknownName_SuggestsTheClosestCatalogueNames(string name, string suggestion)
    {
        var catalogue = Catalogue();

        var error = Refused(() => ScenarioLoader.Resolve(name, catalogue));

        Assert.That(error.Message, Is.EqualTo($"{name}: no such file, and no scenario \"{name}\" in {catalogue}; {suggestion}"));
    }

    [Test]
    public void Resolve_NameFarFromEveryScenario_SaysNoneIsClose()
    {
        var error = Refused(() => ScenarioLoader.Resolve("mnist", Catalogue()));

        Assert.That(error.Message, Does.EndWith("no catalogue name is close to it"));
    }

    [TestCaseSource(nameof(UnsafeNamesAndALongOne))]
    public void Resolve_UnsafeName_IsRefusedEvenWhenSuchAFileExists(string name, string reason)
    {
        var catalogue = Catalogue();
        Directory.CreateDirectory(Path.Combine(catalogue, "sub"));
        File.WriteAllText(Path.Combine(catalogue, "sub", "name.json"), Valid);
        File.WriteAllText(Path.Combine(directory, "xor-seed-parity.json"), Valid);
        File.WriteAllText(Path.Combine(catalogue, ".hidden.json"), Valid);

        var error = Refused(() => ScenarioLoader.Resolve(name, catalogue));

        Assert.That(error.Message, Does.StartWith($"{name}: no such file, and not a catalogue name: ").And.Contain(reason));
    }

    private static IEnumerable<TestCaseData> UnsafeNamesAndALongOne() =>
        UnsafeNames.Cases().Append(new TestCaseData(new string('a', 129), "the name is longer than 128 characters").SetArgDisplayNames("129 characters"));

    [Test]
    public void Resolve_MissingCatalogue_SaysSo()
    {
        var missing = Path.Combine(directory, "no-catalogue");

        var error = Refused(() => ScenarioLoader.Resolve("xor-tanh", missing));

        Assert.That(error.Message, Is.EqualTo($"xor-tanh: no such file, and there is no catalogue folder {missing}"));
    }
}
