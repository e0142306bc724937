using System.Text;
using CsvHelper;

namespace Parity.Harness.Snapshots;

/// <summary>A CSV snapshot's records as CsvHelper parses them, the header first: what is compared and what is plotted.</summary>
internal static class SnapshotCsv
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    /// <summary>Each record's text as written and its fields; null when CsvHelper cannot read it. Blank lines are no
    /// records (the snapshots' CSVs have none).</summary>
    public static IReadOnlyList<(string Line, string[] Fields)>? Read(string normalised)
    {
        try
        {
            using var reader = CsvReader.FromText(normalised, Options);
            var records = new List<(string, string[])>();
            while (reader.Read())
            {
                records.Add((Encoding.UTF8.GetString(reader.RawRecord), [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].ToString() ?? "")]));
            }

            return records;
        }
        catch (CsvFormatException)
        {
            return null;
        }
    }
}
