using System.Globalization;
using CsvHelper;
using Parity.TorchReference.Protocol;

namespace Parity.Harness.Fixtures;

/// <summary>
/// The fixtures' CSV files, through CsvHelper: comma separated, LF line ends, a header row, numbers printed
/// round-trip (<see cref="RoundTrip"/>) so that a fixture seeds the hand-rolled side bit for bit.
/// </summary>
internal static class FixtureCsv
{
    private static readonly CsvWriterOptions WriterOptions = CsvWriterOptions.Default with { NewLine = "\n" };

    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        TrackLineNumbers = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<object[]> rows)
    {
        using var csv = CsvWriter.ToFile(path, WriterOptions);
        csv.WriteHeader([.. header]);
        foreach (var row in rows)
        {
            foreach (var field in row)
            {
                csv.WriteField(field switch
                {
                    double d => RoundTrip.Format(d),
                    int i => i.ToString(CultureInfo.InvariantCulture),
                    _ => field.ToString() ?? "",
                });
            }

            csv.EndRecord();
        }
    }

    /// <summary>Reads every data row, checking the header; the rows know their file and line for errors.</summary>
    public static List<CsvRow> Read(string path, IReadOnlyList<string> header)
    {
        var display = FixtureStore.Display(path);
        if (!File.Exists(path))
        {
            throw new FixtureException($"{display}: missing; regenerate the fixture with {FixtureStore.RegenerateCommand}");
        }

        try
        {
            using var csv = CsvReader.FromFile(path, ReaderOptions);
            var found = csv.Headers.ToArray();
            if (!found.SequenceEqual(header))
            {
                throw new FixtureException(
                    $"{display}: line 1: expected the header {string.Join(",", header)}, found {string.Join(",", found)}");
            }

            var rows = new List<CsvRow>();
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                if (csv.FieldCount != header.Count)
                {
                    throw new FixtureException(
                        $"{display}: line {line}: {csv.FieldCount} fields, expected {header.Count} ({string.Join(",", header)}); is the file truncated?");
                }

                var fields = new string[header.Count];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = csv[i].ToString() ?? "";
                }

                rows.Add(new CsvRow(display, line, rows.Count, header, fields));
            }

            return rows;
        }
        catch (CsvFormatException error)
        {
            throw new FixtureException($"{display}: not a readable CSV file ({error.Message})");
        }
    }
}
