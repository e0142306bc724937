using System.Security.Cryptography;
using System.Text;

namespace Parity.Harness.Scenarios;

/// <summary>
/// Reads and validates scenario files (the format in docs/contracts.md). Every problem is a
/// <see cref="ScenarioException"/> naming the file, the JSON path and what was expected; nothing is silently
/// defaulted or ignored except the documented defaults.
/// </summary>
public static partial class ScenarioLoader
{
    /// <summary>Larger files are refused before they are read.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Deeper nesting is refused while scanning, before a document is built. A scenario needs 4.</summary>
    public const int MaxDepth = 64;

    /// <summary>More epochs than this is a typo, not a scenario.</summary>
    public const int MaxEpochs = 10_000_000;

    private static readonly string[] TopLevel =
        ["name", "description", "data", "network", "init", "epochs", "handRolled", "torch", "tolerance", "expect"];

    /// <summary>Reads, validates and hashes the scenario file at <paramref name="path"/>.</summary>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = ReadBounded(path);
        return FromBytes(bytes, path, FullPath(path, path));
    }

    /// <summary>
    /// Validates scenario text as if read from <paramref name="sourcePath"/>: errors name it, an init file is
    /// looked up beside it, and the hash is of the text's UTF-8 bytes.
    /// </summary>
    public static Scenario Parse(string json, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourcePath);
        var size = Encoding.UTF8.GetByteCount(json);
        if (size > MaxFileBytes)
        {
            throw TooLarge(sourcePath, size);
        }

        return FromBytes(Encoding.UTF8.GetBytes(json), sourcePath, FullPath(sourcePath, sourcePath));
    }

    private static Scenario FromBytes(byte[] bytes, string file, string fullPath)
    {
        using var document = Document(bytes, file);
        var root = new JsonCursor(document.RootElement, "$", file).Object(TopLevel);
        var directory = Path.GetDirectoryName(fullPath) ?? ".";

        var name = ReadName(root.Required("name", "the scenario's name, e.g. \"xor-seed-parity\""));
        var description = ReadDescription(root.Required("description", "one line saying what the scenario demonstrates"));
        var network = ReadNetwork(root.Required("network", "{ \"layers\", \"activations\", \"bias\" }"));
        var data = ReadData(root.Required("data", "{ \"inputs\": [[…]], \"targets\": [[…]] }"), network);
        var init = ReadInit(root.Required("init", "where the initial parameters come from, e.g. { \"from\": \"torch\", \"seed\": 0 }"), directory);
        var epochs = ReadEpochs(root.Required("epochs", "the number of passes over the data"));
        var handRolled = ReadSide(root.Required("handRolled", "how the hand-rolled side trains: { \"loss\", \"learningRate\", … }"), directory);
        var torch = ReadSide(root.Required("torch", "how PyTorch trains: { \"loss\", \"learningRate\", … }"), directory);
        var tolerance = root.Optional("tolerance") is { } t ? ReadTolerance(t) : Tolerance.DefaultFor(handRolled.DType, torch.DType);
        var expect = root.Optional("expect") is { } e ? ReadExpect(e) : Verdict.Parity;

        return new Scenario(
            name,
            description,
            data,
            network,
            init,
            epochs,
            handRolled,
            torch,
            tolerance,
            expect,
            fullPath,
            Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static string FullPath(string path, string file)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ScenarioException(file, null, "not a valid path: " + e.Message, e);
        }
    }
}
