using System.Text;
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

    [TestCaseSource(nameof(NotJson))]
    public void Load_NotJson_ReportsLineAndColumn(byte[] content, int line, int column, string reason)
    {
        var path = Path.Combine(directory, "bad.json");
        File.WriteAllBytes(path, content);

        var error = Refused(() => ScenarioLoader.Load(path));

        Assert.Multiple(() =>
        {
            Assert.That((error.Line, error.Column), Is.EqualTo((line, column)), error.Message);
            Assert.That(error.JsonPath, Is.Null);
            Assert.That(error.Message, Does.StartWith($"{path}: line {line}, column {column}: {reason}"));
        });
    }

    private static IEnumerable<TestCaseData> NotJson()
    {
        yield return Text("line comment", "{\n  // note\n  \"name\": \"x\"\n}", 2, 3);
        yield return Text("block comment", "{ /* note */ \"name\": \"x\" }", 1, 3);
        yield return Text("trailing comma in an object", "{\"name\": \"x\",}", 1, 14);
        yield return Text("trailing comma in an array", "{\"layers\": [2, 5,]}", 1, 18);
        yield return Text("single quotes", "{'name': 'x'}", 1, 2);
        yield return Text("unquoted property name", "{name: \"x\"}", 1, 2);
        yield return Text("unterminated string", "{\n\"name\": \"x", 2, 11);
        yield return Text("cut short", Valid[..Valid.IndexOf("\"epochs\": 1", StringComparison.Ordinal)], 7, 3);
        yield return Text("two documents", "{}\n{}", 2, 1);
        yield return Text("hexadecimal", "{\"epochs\": 0x10}", 1, 13);
        yield return Text("leading zero", "{\"epochs\": 010}", 1, 13);
        yield return Text("plus sign", "{\"epochs\": +10}", 1, 12);
        yield return Text("lower-case nan", "{\"data\": [[nan]]}", 1, 13);
        yield return Text("NUL bytes", "\0\0\0", 1, 1);
        yield return Bytes("UTF-16", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{}")], 1, 1, "not UTF-8 text (byte 0xFF); scenario files are UTF-8 JSON");
        yield return Bytes("invalid UTF-8 in a string", [.. "{\n\"name\": \"σ"u8, 0xFF, .. "\"}"u8], 2, 11, "not UTF-8 text (byte 0xFF)");
        yield return Bytes("Latin-1", Encoding.Latin1.GetBytes("{\"description\": \"café\"}"), 1, 21, "not UTF-8 text (byte 0xE9)");

        static TestCaseData Text(string name, string text, int line, int column) =>
            Bytes(name, Encoding.UTF8.GetBytes(text), line, column, "malformed JSON: ");

        static TestCaseData Bytes(string name, byte[] content, int line, int column, string reason) =>
            new TestCaseData(content, line, column, reason).SetArgDisplayNames(name);
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
    public void Load_Sparse2GiBFile_IsRefusedByItsLengthWithoutReadingIt()
    {
        // Beyond int.MaxValue bytes, and nothing stored: the length alone must refuse it (a read would say "goes on past").
        var path = Path.Combine(directory, "two-gib.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(2L * 1024 * 1024 * 1024);
        }

        var error = Refused(() => ScenarioLoader.Load(path));

        Assert.That(error.Message, Is.EqualTo($"{path}: is 2048.0 MiB; scenario files are limited to 16 MiB"));
    }

    [Test]
    public void Load_EndlessDevice_StopsAfter16MiB()
    {
        const string Zeros = "/dev/zero"; // reports length 0, and never ends
        Assume.That(File.Exists(Zeros), Is.True, "a Unix system with /dev/zero");

        var error = Refused(() => ScenarioLoader.Load(Zeros));

        Assert.That(error.Message, Is.EqualTo($"{Zeros}: goes on past 16 MiB; scenario files are limited to 16 MiB"));
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
    public void Load_ObjectsNestedHundredThousandDeep_IsRefusedAtLevel65()
    {
        var path = Write("deep.json", string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000));

        var error = Refused(() => ScenarioLoader.Load(path));

        Assert.Multiple(() =>
        {
            Assert.That((error.Line, error.Column), Is.EqualTo((1, (64 * 5) + 1)), "the 65th '{'");
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
