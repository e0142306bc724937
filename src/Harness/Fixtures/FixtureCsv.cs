using System.Globalization;
using CsvHelper;
using Parity.Harness.Scenarios;
using Parity.TorchReference.Protocol;

namespace Parity.Harness.Fixtures;

/// <summary>
/// The fixtures' CSV files, through CsvHelper: comma separated, LF line ends, a header row, numbers printed
/// round-trip (<see cref="RoundTrip"/>) so that a fixture seeds the hand-rolled side bit for bit.
/// </summary>
internal static class FixtureCsv
{
    /// <summary>Bytes a row may take: the longest real row is about 60 (<c>9,parameter,0.weight,12,-1.2345678901234567E-05</c>).</summary>
    private const long MaxRowBytes = 256;

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

    /// <summary>
    /// Reads every data row, checking the header and each row's field count; the rows know their file and line for
    /// errors. A quote left open (a field that runs across lines) is an error at the line it opens on. A file far
    /// larger than <paramref name="expectedRows"/> rows can take is refused before it is read.
    /// </summary>
    public static List<CsvRow> Read(string path, IReadOnlyList<string> header, long expectedRows)
    {
        var display = Paths.Display(path);
        var columns = string.Join(",", header);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FixtureException($"{display}: missing");
        }

        var limit = (expectedRows + 1) * MaxRowBytes;
        if (file.Length > limit)
        {
            throw new FixtureException(string.Create(
                CultureInfo.InvariantCulture,
                $"{display}: is {Mib(file.Length):0.0} MiB, more than {expectedRows} rows of {columns} can take ({Mib(limit):0.0} MiB at most); refused before reading it"));
        }

        try
        {
            using var csv = CsvReader.FromFile(path, ReaderOptions);
            var found = csv.Headers.ToArray();
            if (!found.SequenceEqual(header))
            {
                var shown = found.Length == 0 || (found.Length == 1 && found[0].Length == 0) ? "nothing (the file is empty)" : string.Join(",", found);
                throw new FixtureException($"{display}: line 1: expected the header {columns}, found {shown}");
            }

            var rows = new List<CsvRow>();
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                if (csv.FieldCount != header.Count)
                {
                    var truncated = csv.FieldCount < header.Count ? "; is the file truncated?" : "";
                    throw new FixtureException(
                        $"{display}: line {line}: {Fields(csv.FieldCount)}, expected {header.Count} ({columns}){truncated}");
                }

                var fields = new string[header.Count];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = csv[i].ToString() ?? "";
                    if (fields[i].AsSpan().ContainsAny('\n', '\r'))
                    {
                        throw new FixtureException(
                            $"{display}: line {line}, column '{header[i]}': expected a value on one line, found a quoted field that runs on "
                            + "over the following lines (a quote that is never closed?)");
                    }
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

    private static double Mib(long bytes) => bytes / (1024.0 * 1024.0);

    private static string Fields(int count) => count == 1 ? "1 field" : $"{count} fields";
}
