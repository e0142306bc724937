using Parity.HandRolled.Model;
using Parity.Harness.Scenarios;

namespace Parity.Harness.Fixtures;

/// <summary>Parameters stored one value per row (<c>parameter, index, value</c>), checked against the network's shapes.</summary>
internal static class ParameterTable
{
    /// <param name="rows">The rows of one parameter set.</param>
    /// <param name="network">Gives the names, order and shapes.</param>
    /// <param name="nameColumn">The column of the parameter name; index and value follow it.</param>
    /// <param name="file">The file the rows come from, for a parameter that has none.</param>
    /// <param name="set">Which parameter set the rows are, for messages: <c>torch initial parameters</c>.</param>
    public static IReadOnlyList<NamedTensor> Build(IEnumerable<CsvRow> rows, NetworkSpec network, int nameColumn, string file, string set)
    {
        var shapes = network.ParameterShapes();
        var values = shapes.ToDictionary(s => s.Name, s => new double?[s.Shape.Aggregate(1, (a, b) => a * b)]);
        foreach (var row in rows)
        {
            if (!values.TryGetValue(row.Text(nameColumn), out var slots))
            {
                throw row.Error(nameColumn, $"a parameter of this network ({string.Join(", ", values.Keys)})");
            }

            var index = row.Integer(nameColumn + 1);
            if (index >= slots.Length || slots[index] is not null)
            {
                throw row.Error(nameColumn + 1, $"an index below {slots.Length} given once ({row.Text(nameColumn)} has {slots.Length} values)");
            }

            slots[index] = row.Number(nameColumn + 2);
        }

        foreach (var (name, shape) in shapes)
        {
            var missing = Array.FindIndex(values[name], v => v is null);
            if (missing >= 0)
            {
                throw new FixtureException(
                    $"{Paths.Display(file)}: {set}: {name} (shape ({string.Join(", ", shape)})) lacks index {missing}; "
                    + "the fixture is incomplete or does not fit the scenario's network");
            }
        }

        return [.. shapes.Select(s => new NamedTensor(s.Name, s.Shape, values[s.Name].Select(v => v!.Value).ToArray()))];
    }
}
