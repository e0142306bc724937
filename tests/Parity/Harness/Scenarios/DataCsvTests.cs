using NUnit.Framework;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Harness.Scenarios;

/// <summary>
/// Scenario data from a CSV file: columns chosen by name, labels as class indices or one-hot, inputs z-scored over the
/// file; and every broken file named with its line and column.
/// </summary>
public sealed class DataCsvTests
{
    private const string Csv = "a,b,species\n1,10,0\n2,20,2\n3,30,1\n4,40,2\n";
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("parity-data-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Load_ClassIndexTarget_ReadsTheInputColumnsAndOneLabelPerRow()
    {
        var scenario = Load(Csv, """{ "csv": "data.csv", "target": "species" }""");

        Assert.That(scenario.Data.Inputs, Is.EqualTo(new[] { new[] { 1.0, 10 }, [2, 20], [3, 30], [4, 40] }));
        Assert.That(scenario.Data.Targets, Is.EqualTo(new[] { new[] { 0.0 }, [2], [1], [2] }));
    }

    [Test]
    public void Load_OneHot_SpreadsEachLabelOverTheOutputs()
    {
        var scenario = Load(Csv, """{ "csv": "data.csv", "target": "species", "targetEncoding": "one-hot" }""", loss: "bce-with-logits");

        Assert.That(scenario.Data.Targets[1], Is.EqualTo(new[] { 0.0, 0, 1 }));
    }

    [Test]
    public void Load_Standardize_ZScoresEachInputWithThePopulationStandardDeviation()
    {
        var scenario = Load(Csv, """{ "csv": "data.csv", "target": "species", "inputs": ["b", "a"], "standardize": true }""");

        // a = 1…4: mean 2.5, population variance 1.25 (numpy's default ddof = 0); b is 10 × a, so the same z-scores.
        var z = new[] { -1.5, -0.5, 0.5, 1.5 }.Select(d => d / Math.Sqrt(1.25)).ToArray();
        Assert.That(scenario.Data.Inputs.Select(r => r[1]), Is.EqualTo(z).Within(1).Ulps);
        Assert.That(scenario.Data.Inputs.Select(r => r[0]), Is.EqualTo(z).Within(1).Ulps);
    }

    [Test]
    public void Load_TheDataFileChanges_ChangesTheContentHash()
    {
        var before = Load(Csv, """{ "csv": "data.csv", "target": "species" }""").ContentHash;

        var after = Load(Csv.Replace("4,40,2", "4,41,2", StringComparison.Ordinal), """{ "csv": "data.csv", "target": "species" }""").ContentHash;

        Assert.That(after, Is.Not.EqualTo(before), "a fixture made from the old data is stale");
    }

    [TestCase("a,b,species\n1,10,0\n2,x,2\n", "data.csv: line 3, column 'b': expected a finite number, found 'x'")]
    [TestCase("a,b,species\n1,10,0\n2,20\n", "data.csv: line 3: 2 field(s), expected 3 (the header's); the rows are ragged")]
    [TestCase("a,b,species\n1,10,0\n2,20,3\n", "data.csv: line 3, column 'species': expected a class label, a whole number 0…2 (the network has 3 outputs), found 3")]
    [TestCase("a,b,species\n1,10,0\n2,20,1.5\n", "data.csv: line 3, column 'species': expected a class label, a whole number 0…2")]
    [TestCase("a,b,species\n1,10,0\n2,20,nan\n", "data.csv: line 3, column 'species': expected a finite number, found 'nan'")]
    [TestCase("a,b,species\n", "data.csv: no rows under the header; expected at least one sample")]
    public void Load_BrokenDataFile_NamesTheFileLineAndColumn(string csv, string expected) =>
        Assert.That(Refused(csv, """{ "csv": "data.csv", "target": "species" }"""), Does.EndWith(expected).Or.Contain(expected + " ").Or.Contain(expected));

    [Test]
    public void Load_MissingTargetColumn_NamesTheHeader() =>
        Assert.That(Refused(Csv, """{ "csv": "data.csv", "target": "label" }"""),
            Does.Contain("$.data.target: ").And.Contain("data.csv: line 1: no column \"label\"; the header has \"a\", \"b\", \"species\""));

    [Test]
    public void Load_ConstantColumnUnderStandardize_SaysWhyItCannotBe() =>
        Assert.That(Refused("a,b,species\n1,7,0\n2,7,1\n", """{ "csv": "data.csv", "target": "species", "standardize": true }"""),
            Does.EndWith("data.csv: column 'b': the same value (7) in every row, so it cannot be standardized (its standard deviation is 0); leave it out of \"inputs\" or set \"standardize\": false"));

    [Test]
    public void Load_NoSuchDataFile_NamesThePath() =>
        Assert.That(Refused(null, """{ "csv": "missing.csv", "target": "species" }"""), Does.Contain("$.data.csv: no data file at "));

    [Test]
    public void Load_ValuesEncodingForClassIndexLoss_SaysWhatTheLossTakes() =>
        Assert.That(Refused(Csv, """{ "csv": "data.csv", "target": "species", "targetEncoding": "values" }"""),
            Does.Contain("$.data.targetEncoding: target encoding values, but cross-entropy and NLL take class indices; expected class-index"));

    [Test]
    public void Load_TooFewInputColumns_SaysTheInputWidth() =>
        Assert.That(Refused(Csv, """{ "csv": "data.csv", "target": "species", "inputs": ["a"] }"""),
            Does.Contain("$.data.inputs: 1 input column(s) (a); expected 2 = network.layers[0], the input width"));

    private Scenario Load(string csv, string data, string loss = "cross-entropy")
    {
        File.WriteAllText(Path.Combine(directory, "data.csv"), csv);
        return ScenarioLoader.Load(WriteScenario(data, loss));
    }

    private string Refused(string? csv, string data)
    {
        if (csv is not null)
        {
            File.WriteAllText(Path.Combine(directory, "data.csv"), csv);
        }

        var path = WriteScenario(data, "cross-entropy");
        return Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path))!.Message;
    }

    private string WriteScenario(string data, string loss)
    {
        var path = Path.Combine(directory, "classify.json");
        File.WriteAllText(path, $$"""
            {
              "name": "classify",
              "description": "Three classes from a CSV file",
              "data": {{data}},
              "network": { "layers": [2, 4, 3], "activations": ["tanh", "identity"], "bias": true },
              "init": { "from": "torch", "seed": 0 },
              "epochs": 10,
              "handRolled": { "loss": "{{loss}}", "learningRate": 0.01, "optimizer": { "kind": "adam" }, "batch": { "size": 2, "shuffle": true } },
              "torch": { "loss": "{{loss}}", "learningRate": 0.01, "optimizer": { "kind": "adam" }, "batch": { "size": 2, "shuffle": true } },
              "logged": "{{(loss == "cross-entropy" ? "cross-entropy" : "mse")}}"
            }
            """);
        return path;
    }
}
