using NUnit.Framework;
using Parity.Harness.Scenarios;

namespace Parity.Tests.Harness.Scenarios;

/// <summary>Malformed JSON, missing files and the bounds on work: size and depth.</summary>
public sealed partial class ScenarioLoaderTests
{
    [Test]
    public void Load_MalformedJson_ReportsOneBasedLineAndColumn()
    {
        var path = Write("bad.json", "{\n  \"name\": \"x\",\n  \"epochs\": 10,,\n}");

        var error = Refused(() => ScenarioLoader.Load(path));

        Assert.Multiple(() =>
        {
            Assert.That((error.Line, error.Column), Is.EqualTo((3, 16)));
            Assert.That(error.JsonPath, Is.Null);
            Assert.That(error.Message, Does.StartWith($"{path}: line 3, column 16: malformed JSON: "));
        });
    }

    [Test]
    public void Load_MalformedJsonAfterNonAsciiText_CountsColumnsInCharacters()
    {
        var path = Write("bad.json", "{\"description\": \"σ′ on XOR\" x}");

        var error = Refused(() => ScenarioLoader.Load(path));

        Assert.That((error.Line, error.Column), Is.EqualTo((1, 29)));
    }

    [TestCase("[[NaN,0]]", "NaN", 23)]
    [TestCase("[[0,\n-Infinity]]", "-Infinity", 1)]
    [TestCase("[[Infinity,0]]", "Infinity", 23)]
    public void Load_NonFiniteLiteral_SaysItIsNotAJsonNumber(string inputs, string literal, int column)
    {
        var path = Write("nan.json", "{\"data\": {\"inputs\": " + inputs + "}}");

        var error = Refused(() => ScenarioLoader.Load(path));

        Assert.Multiple(() =>
        {
            Assert.That(error.Column, Is.EqualTo(column));
            Assert.That(error.Reason, Is.EqualTo($"{literal} is not a JSON number; every value must be a finite number"));
        });
    }

    [Test]
    public void Load_EmptyFile_ReportsLineOneColumnOne()
    {
        var path = Write("empty.json", string.Empty);

        var error = Refused(() => ScenarioLoader.Load(path));

        Assert.That(error.Message, Does.StartWith($"{path}: line 1, column 1: malformed JSON: The input does not contain any JSON tokens"));
    }

    [Test]
    public void Load_TopLevelArray_ExpectsAnObject()
    {
        var error = Refused(() => ScenarioLoader.Parse("[]", "x.json"));

        Assert.That(error.Message, Is.EqualTo("x.json: $: expected an object, got an array"));
    }

    [Test]
    public void Load_MissingFile_SaysNoSuchFile()
    {
        var path = Path.Combine(directory, "absent.json");

        var error = Refused(() => ScenarioLoader.Load(path));

        Assert.That(error.Message, Is.EqualTo($"{path}: no such file"));
    }

    [Test]
    public void Load_Directory_SaysItIsADirectory()
    {
        var error = Refused(() => ScenarioLoader.Load(directory));

        Assert.That(error.Message, Is.EqualTo($"{directory}: is a directory, not a scenario file"));
    }

    [Test]
    public void Load_FileOver16MiB_IsRefusedBeforeItIsParsed()
    {
        // 20 MB, sparse, and malformed from its first byte: were it read and parsed, the error would be about syntax.
        var path = Path.Combine(directory, "huge.json");
        using (var stream = File.Create(path))
        {
            stream.WriteByte((byte)'}');
            stream.SetLength(20_000_000);
        }

        var error = Refused(() => ScenarioLoader.Load(path));

        Assert.That(error.Message, Is.EqualTo($"{path}: is 19.1 MiB; scenario files are limited to 16 MiB"));
    }

    [Test]
    public void Parse_TextOver16MiB_IsRefused()
    {
        var text = new string(' ', 20_000_000);

        var error = Refused(() => ScenarioLoader.Parse(text, "big.json"));

        Assert.That(error.Reason, Does.EndWith("scenario files are limited to 16 MiB"));
    }

    [Test]
    public void Load_NestedTenThousandDeep_IsRefusedWithoutCrashing()
    {
        var path = Write("deep.json", "{\"data\": " + new string('[', 10_000) + new string(']', 10_000) + "}");

        var error = Refused(() => ScenarioLoader.Load(path));

        Assert.Multiple(() =>
        {
            Assert.That((error.Line, error.Column), Is.EqualTo((1, 73)));
            Assert.That(error.Reason, Is.EqualTo("JSON nested deeper than 64 levels; a scenario file needs at most 4"));
        });
    }

    [Test]
    public void Load_NestedExactly64Deep_IsNotADepthError()
    {
        var error = Refused(
            () => ScenarioLoader.Parse(new string('[', 64) + new string(']', 64), "deep.json"));

        Assert.That(error.Message, Is.EqualTo("deep.json: $: expected an object, got an array"));
    }
}
