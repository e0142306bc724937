using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parity.HandRolled.Model;

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
        ["name", "description", "data", "network", "init", "epochs", "handRolled", "torch", "tolerance", "expect", "logged"];

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
        var loggedCursor = root.Optional("logged");
        var logged = loggedCursor is { } l ? l.Name(Names.Logged, "logged quantity") : Logged.Mse;
        var handRolledCursor = root.Required("handRolled", "how the hand-rolled side trains: { \"loss\", \"learningRate\", … }");
        var torchCursor = root.Required("torch", "how PyTorch trains: { \"loss\", \"learningRate\", … }");
        var handRolled = ReadSide(handRolledCursor, directory, logged);
        var torch = ReadSide(torchCursor, directory, logged);
        var form = Targets(handRolled, torch, torchCursor, loggedCursor, logged);
        var (data, dataFile) = ReadData(root.Required("data", "{ \"inputs\": [[…]], \"targets\": [[…]] } or { \"csv\", \"target\", … }"), network, form, directory);
        var init = ReadInit(root.Required("init", "where the initial parameters come from, e.g. { \"from\": \"torch\", \"seed\": 0 }"), directory);
        var epochs = ReadEpochs(root.Required("epochs", "the number of passes over the data"));
        CheckBatches(handRolled, handRolledCursor, data.Count);
        CheckBatches(torch, torchCursor, data.Count);
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
            ContentHash(bytes, dataFile));
    }

    // The scenario's bytes, then its data file's: a fixture made before either changed is stale.
    private static string ContentHash(byte[] bytes, string? dataFile)
    {
        if (dataFile is null)
        {
            return Convert.ToHexStringLower(SHA256.HashData(bytes));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(bytes);
        hash.AppendData(File.ReadAllBytes(dataFile));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Both sides train on the same targets: class indices for cross-entropy and NLL, values for the rest, never both.
    private static TargetForm Targets(SideSpec handRolled, SideSpec torch, JsonCursor torchCursor, JsonCursor? loggedCursor, Logged logged)
    {
        if (handRolled.TakesClassIndices != torch.TakesClassIndices)
        {
            var (indices, values) = handRolled.TakesClassIndices ? (handRolled, torch) : (torch, handRolled);
            throw torchCursor.Error(
                $"{indices.Loss.Name()} takes class indices as targets and {values.Loss.Name()} takes values, but both sides train on the same data; "
                + "expected losses that take the same targets (cross-entropy or nll on both sides, or neither)");
        }

        var form = torch.TakesClassIndices ? TargetForm.ClassIndices : TargetForm.Values;
        return logged == Logged.CrossEntropy && form != TargetForm.ClassIndices
            ? throw loggedCursor!.Value.Error("cross-entropy is logged against class indices, but the sides' losses take values; expected mse, or cross-entropy or nll on both sides")
            : form;
    }

    // A mini-batch that drops its last, partial batch must leave one batch: otherwise no update would ever happen.
    private static void CheckBatches(SideSpec side, JsonCursor cursor, int rows)
    {
        if (side.MiniBatch is { DropLast: true, Size: var size } && size > rows)
        {
            throw cursor.Error(string.Create(CultureInfo.InvariantCulture,
                $"batch size {size} with dropLast over {rows} row(s) drops every batch, so nothing would train; expected a size of at most {rows}"));
        }
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
