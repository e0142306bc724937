using System.Globalization;
using CsvHelper;
using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>
/// A scenario's data read from a CSV file with a header row, through CsvHelper: <c>{ "csv", "target", "inputs",
/// "targetEncoding", "standardize" }</c> (docs/contracts.md). The inputs are the named columns (every column but the
/// target by default), z-scored over the whole file when asked; the target column becomes values, class indices or
/// one-hot rows. Every error names the file, the line and the column.
/// </summary>
internal static class DataCsv
{
    /// <summary>Larger data files are refused before they are read.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private static readonly string[] Properties = ["csv", "target", "inputs", "targetEncoding", "standardize"];

    private static readonly string[] Encodings = ["values", "class-index", "one-hot"];

    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        TrackLineNumbers = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    /// <summary>Whether <paramref name="cursor"/>, the scenario's <c>data</c>, names a CSV file rather than holding rows.</summary>
    public static bool Names(JsonCursor cursor) =>
        cursor.Element.ValueKind == System.Text.Json.JsonValueKind.Object && cursor.Element.TryGetProperty("csv", out _);

    /// <summary>Reads the data the object at <paramref name="cursor"/> describes, for a network whose targets take <paramref name="form"/>.</summary>
    /// <returns>The data, and the data file's full path (its bytes are part of the scenario's content).</returns>
    public static (Dataset Data, string Path) Read(JsonCursor cursor, string directory, NetworkSpec network, TargetForm form)
    {
        var spec = cursor.Object(Properties);
        var pathCursor = spec.Required("csv", "the data file, relative to the scenario file's directory");
        var fullPath = ScenarioLoader.ExistingFile(pathCursor, directory, "data file");
        var path = Paths.Display(fullPath);
        var targetCursor = spec.Required("target", "the name of the target column");
        var target = targetCursor.String("a column name");
        var outputs = network.Layers[^1];
        var encodingCursor = spec.Optional("targetEncoding");
        var encoding = encodingCursor is { } e ? e.String("a target encoding") : form == TargetForm.ClassIndices ? "class-index" : "values";
        var at = encodingCursor ?? targetCursor;
        if (!Encodings.Contains(encoding))
        {
            throw at.Error($"unknown target encoding {JsonCursor.Quote(encoding)}; expected one of {string.Join(", ", Encodings)}");
        }

        if (form == TargetForm.ClassIndices && encoding != "class-index")
        {
            throw at.Error($"target encoding {encoding}, but cross-entropy and NLL take class indices; expected class-index");
        }

        if (form == TargetForm.Values && encoding == "class-index")
        {
            throw at.Error("target encoding class-index, but the sides' losses take values; expected one-hot (the labels as C columns) or values");
        }

        if (encoding == "values" && outputs != 1)
        {
            throw at.Error(string.Create(CultureInfo.InvariantCulture,
                $"target encoding values gives one target per row, but the network has {outputs} outputs (network.layers[{network.Depth}]); expected one-hot"));
        }

        var standardize = spec.Optional("standardize")?.Boolean("whether to standardize the inputs") ?? false;
        var file = new FileInfo(fullPath);
        if (file.Length > MaxFileBytes)
        {
            throw pathCursor.Error(string.Create(CultureInfo.InvariantCulture,
                $"{path} is {file.Length / (1024.0 * 1024.0):0.0} MiB; data files of at most {MaxFileBytes / (1024 * 1024)} MiB are read"));
        }

        try
        {
            using var csv = CsvReader.FromFile(fullPath, ReaderOptions);
            var header = csv.Headers.ToArray();
            var targetColumn = Column(header, target, path, targetCursor);
            var inputColumns = spec.Optional("inputs") is { } inputs
                ? [.. inputs.Array("input column names").Select(c => Column(header, c.String("a column name"), path, c))]
                : Enumerable.Range(0, header.Length).Where(c => c != targetColumn).ToArray();
            if (inputColumns.Length != network.Layers[0])
            {
                throw (spec.Optional("inputs") ?? pathCursor).Error(string.Create(CultureInfo.InvariantCulture,
                    $"{inputColumns.Length} input column(s) ({string.Join(", ", inputColumns.Select(c => header[c]))}); expected {network.Layers[0]} = network.layers[0], the input width"));
            }

            var inputsRead = new List<double[]>();
            var targets = new List<double[]>();
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                if (csv.FieldCount != header.Length)
                {
                    throw new ScenarioException(path, null, string.Create(CultureInfo.InvariantCulture,
                        $"line {line}: {csv.FieldCount} field(s), expected {header.Length} (the header's); the rows are ragged"));
                }

                inputsRead.Add([.. inputColumns.Select(c => Number(csv[c].ToString(), path, line, header[c]))]);
                var value = Number(csv[targetColumn].ToString(), path, line, header[targetColumn]);
                targets.Add(encoding == "values" ? [value] : Label(value, outputs, encoding, path, line, header[targetColumn]));
            }

            if (inputsRead.Count == 0)
            {
                throw new ScenarioException(path, null, "no rows under the header; expected at least one sample");
            }

            var rows = standardize ? Standardize(inputsRead, inputColumns.Select(c => header[c]).ToArray(), path) : inputsRead;
            return (new Dataset([.. rows], [.. targets]), fullPath);
        }
        catch (CsvFormatException error)
        {
            throw new ScenarioException(path, null, $"not a readable CSV file ({error.Message})");
        }
    }

    private static int Column(string[] header, string name, string path, JsonCursor at)
    {
        var index = Array.IndexOf(header, name);
        return index >= 0
            ? index
            : throw at.Error($"{path}: line 1: no column {JsonCursor.Quote(name)}; the header has {string.Join(", ", header.Select(JsonCursor.Quote))}");
    }

    private static double Number(string? field, string path, int line, string column) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ScenarioException(path, null, $"line {line}, column '{column}': expected a finite number, found '{field}'");

    // A label: a whole number 0…C−1, as CrossEntropyLoss takes it; one-hot spreads it over C columns.
    private static double[] Label(double value, int classes, string encoding, string path, int line, string column)
    {
        if (value != Math.Floor(value) || value < 0 || value >= classes)
        {
            throw new ScenarioException(path, null, string.Create(CultureInfo.InvariantCulture,
                $"line {line}, column '{column}': expected a class label, a whole number 0…{classes - 1} (the network has {classes} outputs), found {value:R}"));
        }

        if (encoding == "class-index")
        {
            return [value];
        }

        var row = new double[classes];
        row[(int)value] = 1;
        return row;
    }

    // z = (x − mean) / std per column over the whole file, in float64, with the population standard deviation (numpy's
    // default ddof = 0): computed once here, so both sides train on the same numbers.
    private static List<double[]> Standardize(List<double[]> rows, string[] names, string path)
    {
        var n = rows.Count;
        for (var c = 0; c < names.Length; c++)
        {
            var mean = rows.Sum(r => r[c]) / n;
            var std = Math.Sqrt(rows.Sum(r => (r[c] - mean) * (r[c] - mean)) / n);
            if (!(std > 0))
            {
                throw new ScenarioException(path, null, string.Create(CultureInfo.InvariantCulture,
                    $"column '{names[c]}': the same value ({rows[0][c]:R}) in every row, so it cannot be standardized (its standard deviation is 0); leave it out of \"inputs\" or set \"standardize\": false"));
            }

            foreach (var row in rows)
            {
                row[c] = (row[c] - mean) / std;
            }
        }

        return rows;
    }
}
