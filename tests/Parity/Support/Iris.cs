using System.Globalization;
using CsvHelper;
using Parity.HandRolled.Model;

namespace Parity.Tests.Support;

/// <summary>Fisher's iris, <c>fixtures/data/iris.csv</c> (its README gives the source): 150 rows, 4 inputs, 3 classes.</summary>
internal static class Iris
{
    public const int Classes = 3;

    public static string Path { get; } = System.IO.Path.Combine(Repository.Root, "fixtures", "data", "iris.csv");

    /// <summary>The four measurements, and the species as a class index (one column).</summary>
    public static Dataset ClassIndices { get; } = Load();

    /// <summary>The same inputs with one binary target: 1 for setosa, else 0 (for the BCE losses).</summary>
    public static Dataset Setosa { get; } = new(ClassIndices.Inputs, [.. ClassIndices.Targets.Select(t => (IReadOnlyList<double>)[t[0] == 0 ? 1.0 : 0.0])]);

    /// <summary>The same inputs with the species one-hot (for MSE against a softmax).</summary>
    public static Dataset OneHot { get; } = new(
        ClassIndices.Inputs, [.. ClassIndices.Targets.Select(t => (IReadOnlyList<double>)[.. Enumerable.Range(0, Classes).Select(c => c == t[0] ? 1.0 : 0.0)])]);

    // As a Python user's float() and int() read the file: each number correctly rounded.
    private static Dataset Load()
    {
        using var csv = CsvReader.FromFile(Path, CsvReaderOptions.Default with { Separator = ',' });
        var header = csv.Headers.ToList();
        int[] inputs = [.. new[] { "sepal_length", "sepal_width", "petal_length", "petal_width" }.Select(c => header.IndexOf(c))];
        var species = header.IndexOf("species");
        var (x, y) = (new List<IReadOnlyList<double>>(), new List<IReadOnlyList<double>>());
        while (csv.Read())
        {
            x.Add([.. inputs.Select(c => Number(csv[c].ToString()))]);
            y.Add([Number(csv[species].ToString())]);
        }

        return new Dataset(x, y);
    }

    private static double Number(string? text) => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture);
}
