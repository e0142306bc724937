using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;
using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Harness.Scenarios;

/// <summary>
/// The loader against small inline scenarios, each breaking <see cref="Valid"/> in one place: every rule must
/// name the file, the JSON path and what was expected.
/// </summary>
[TestFixture]
public sealed partial class ScenarioLoaderTests
{
    private const string Valid = """
        {
          "name": "tiny",
          "description": "A valid scenario that each test breaks in one place",
          "data": { "inputs": [[0,0],[0,1],[1,0],[1,1]], "targets": [[0],[1],[1],[0]] },
          "network": { "layers": [2,5,1], "activations": ["sigmoid","sigmoid"], "bias": false },
          "init": { "from": "torch", "seed": 0 },
          "epochs": 10,
          "handRolled": { "loss": "half-sse", "learningRate": 0.3, "dtype": "float64", "batch": "full" },
          "torch": { "loss": "mse", "learningRate": 0.6, "dtype": "float64", "batch": "full" },
          "tolerance": { "rtol": 1e-10, "atol": 1e-12 }
        }
        """;

    private string directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        directory = Path.Combine(Path.GetTempPath(), "parity-scenarios-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Load_ValidScenario_ReadsEveryField()
    {
        var scenario = ScenarioLoader.Load(Write("tiny.json", Valid));

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Name, Is.EqualTo("tiny"));
            Assert.That(scenario.Data.Count, Is.EqualTo(4));
            Assert.That(scenario.Data.Inputs[2], Is.EqualTo(new[] { 1.0, 0.0 }));
            Assert.That(scenario.Data.Targets[3], Is.EqualTo(new[] { 0.0 }));
            Assert.That(scenario.Network.Layers, Is.EqualTo(new[] { 2, 5, 1 }));
            Assert.That(scenario.Network.Activations, Is.EqualTo(new[] { Activation.Sigmoid, Activation.Sigmoid }));
            Assert.That(scenario.Network.Bias, Is.False);
            Assert.That(scenario.Init, Is.EqualTo(new InitSpec(InitSource.Torch, 0)));
            Assert.That(scenario.Epochs, Is.EqualTo(10));
            Assert.That(scenario.HandRolled, Is.EqualTo(new SideSpec(Loss.HalfSse, 0.3, DType.Float64, BatchMode.Full, Optimizer.Plain)));
            Assert.That(scenario.Torch, Is.EqualTo(new SideSpec(Loss.Mse, 0.6, DType.Float64, BatchMode.Full, Optimizer.Plain)));
            Assert.That(scenario.Tolerance, Is.EqualTo(new Tolerance(1e-10, 1e-12)));
            Assert.That(scenario.Expect, Is.EqualTo(Verdict.Parity));
            Assert.That(scenario.Source, Is.EqualTo(Path.Combine(directory, "tiny.json")));
        });
    }

    [Test]
    public void Load_OptionalFieldsLeftOut_TakeTheDocumentedDefaults()
    {
        var json = Valid
            .Replace(", \"dtype\": \"float64\", \"batch\": \"full\"", string.Empty, StringComparison.Ordinal)
            .Replace(",\n  \"tolerance\": { \"rtol\": 1e-10, \"atol\": 1e-12 }", string.Empty, StringComparison.Ordinal)
            .Replace("\"from\": \"torch\", \"seed\": 0", "\"from\": \"torch\"", StringComparison.Ordinal);

        var scenario = ScenarioLoader.Parse(json, Path.Combine(directory, "tiny.json"));

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Not.Contain("dtype").And.Not.Contain("tolerance").And.Not.Contain("seed"));
            Assert.That(scenario.HandRolled.DType, Is.EqualTo(DType.Float64));
            Assert.That(scenario.Torch.Batch, Is.EqualTo(BatchMode.Full));
            Assert.That(scenario.Torch.Optimizer, Is.EqualTo(Optimizer.Plain));
            Assert.That(scenario.Init.Seed, Is.Zero);
            Assert.That(scenario.Tolerance, Is.EqualTo(Tolerance.Float64));
            Assert.That(scenario.Expect, Is.EqualTo(Verdict.Parity));
        });
    }

    [Test]
    public void Load_OneSideFloat32WithoutTolerance_DefaultsToTheFloat32Tolerance()
    {
        var json = Valid
            .Replace("0.6, \"dtype\": \"float64\"", "0.6, \"dtype\": \"float32\"", StringComparison.Ordinal)
            .Replace(",\n  \"tolerance\": { \"rtol\": 1e-10, \"atol\": 1e-12 }", string.Empty, StringComparison.Ordinal);

        var scenario = ScenarioLoader.Parse(json, "tiny.json");

        Assert.That(scenario.Tolerance, Is.EqualTo(new Tolerance(1e-4, 1e-7)));
    }

    [Test]
    public void Load_SideOverrides_ApplyToThatSideOnly()
    {
        var json = Valid.Replace(
            "\"learningRate\": 0.6,",
            "\"learningRate\": 0.6, \"bias\": true, \"init\": { \"from\": \"uniform01\", \"seed\": 3 },",
            StringComparison.Ordinal);

        var scenario = ScenarioLoader.Parse(json, "tiny.json");

        Assert.Multiple(() =>
        {
            Assert.That(scenario.NetworkOf(scenario.Torch).Bias, Is.True);
            Assert.That(scenario.NetworkOf(scenario.HandRolled).Bias, Is.False);
            Assert.That(scenario.InitOf(scenario.Torch), Is.EqualTo(new InitSpec(InitSource.Uniform01, 3)));
            Assert.That(scenario.InitOf(scenario.HandRolled), Is.EqualTo(new InitSpec(InitSource.Torch, 0)));
        });
    }

    [Test]
    public void Load_MomentumAndGlorotAndExpect_AreRead()
    {
        var json = Valid
            .Replace("\"learningRate\": 0.3,", "\"learningRate\": 0.3, \"optimizer\": { \"kind\": \"sgd\", \"momentum\": 0.9, \"weightDecay\": 0.01 },", StringComparison.Ordinal)
            .Replace("\"from\": \"torch\", \"seed\": 0", "\"from\": \"glorot\", \"seed\": 2, \"gain\": 4", StringComparison.Ordinal)
            .Replace("\"epochs\": 10", "\"epochs\": 10, \"expect\": \"mismatch\"", StringComparison.Ordinal);

        var scenario = ScenarioLoader.Parse(json, "tiny.json");

        Assert.Multiple(() =>
        {
            Assert.That(scenario.HandRolled.Optimizer, Is.EqualTo(new Optimizer(0.9, 0.01)));
            Assert.That(scenario.Init, Is.EqualTo(new InitSpec(InitSource.Glorot, 2, 4.0)));
            Assert.That(scenario.Expect, Is.EqualTo(Verdict.Mismatch));
        });
    }

    [Test]
    public void Load_FileInit_ResolvesThePathBesideTheScenario()
    {
        Directory.CreateDirectory(Path.Combine(directory, "params"));
        var parameters = Write(Path.Combine("params", "p.json"), "[]");
        var json = Valid.Replace("\"from\": \"torch\", \"seed\": 0", "\"from\": \"file\", \"path\": \"params/p.json\"", StringComparison.Ordinal);

        var scenario = ScenarioLoader.Load(Write("tiny.json", json));

        Assert.That(scenario.Init, Is.EqualTo(new InitSpec(InitSource.File, Path: parameters)));
    }

    [Test]
    public void Load_ContentHash_IsLowerCaseSha256OfTheFileBytes()
    {
        var path = Write("tiny.json", Valid);

        var scenario = ScenarioLoader.Load(path);

        Assert.Multiple(() =>
        {
            Assert.That(scenario.ContentHash, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))));
            Assert.That(scenario.ContentHash, Does.Match("^[0-9a-f]{64}$"));
            Assert.That(ScenarioLoader.Parse(Valid, path).ContentHash, Is.EqualTo(scenario.ContentHash));
        });
    }

    [Test]
    public void Load_Utf8ByteOrderMark_IsAcceptedAndHashed()
    {
        var path = Path.Combine(directory, "bom.json");
        File.WriteAllBytes(path, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Valid)]);

        var scenario = ScenarioLoader.Load(path);

        Assert.That(scenario.ContentHash, Is.Not.EqualTo(ScenarioLoader.Parse(Valid, path).ContentHash));
    }

    [Test]
    public void Load_UnknownActivation_NamesJsonPath()
    {
        var path = Write("x.json", Replace(Valid, "\"sigmoid\",\"sigmoid\"", "\"sigmoid\",\"sigmod\""));

        var error = Refused(() => ScenarioLoader.Load(path));

        Assert.That(
            error.Message,
            Is.EqualTo($"{path}: $.network.activations[1]: unknown activation \"sigmod\"; expected one of sigmoid, tanh, relu, selu, identity, softmax, log-softmax"));
    }

    [TestCaseSource(nameof(BrokenRules))]
    public void Load_BrokenRule_NamesFileJsonPathAndExpectation(string find, string replace, string jsonPath, string expected)
    {
        var path = Write("broken.json", Replace(Valid, find, replace));

        var error = Refused(() => ScenarioLoader.Load(path));

        Assert.Multiple(() =>
        {
            Assert.That(error.File, Is.EqualTo(path));
            Assert.That(error.JsonPath, Is.EqualTo(jsonPath));
            Assert.That(error.Message, Does.StartWith($"{path}: {jsonPath}: "));
            Assert.That(error.Message, Does.Contain(expected));
        });
    }

    /// <summary>The loader's refusal; failing the test when it loads instead.</summary>
    private static ScenarioException Refused(Action load) => Assert.Throws<ScenarioException>(load)!;

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>One edit of the valid scenario; an anchor that is not there would test nothing, so it fails.</summary>
    private static string Replace(string json, string find, string replace)
    {
        Assert.That(json, Does.Contain(find), "the test's anchor text");
        return json.Replace(find, replace, StringComparison.Ordinal);
    }
}
