using System.Globalization;

namespace Parity.Harness.Fixtures;

/// <summary>One data row of a fixture CSV, able to say where it is when a field is wrong.</summary>
internal sealed record CsvRow(string File, int Line, int Index, IReadOnlyList<string> Header, IReadOnlyList<string> Fields)
{
    public string Text(int column) => Fields[column];

    public int Integer(int column) =>
        int.TryParse(Fields[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw Error(column, "a whole number ≥ 0");

    public double Number(int column) =>
        double.TryParse(Fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(column, "a number");

    public FixtureException Error(int column, string expected) =>
        new($"{File}: line {Line}, column '{Header[column]}': expected {expected}, found '{Fields[column]}'");
}
