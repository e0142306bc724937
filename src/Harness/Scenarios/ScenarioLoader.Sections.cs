using System.Globalization;
using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>One reader per section of the file; each checks its rules where the value is.</summary>
public static partial class ScenarioLoader
{
    private static readonly string[] InitProperties = ["from", "seed", "gain", "path"];

    private static string ReadName(JsonCursor cursor)
    {
        var name = cursor.String("a name");
        return SafeNameProblem(name) is { } problem ? throw cursor.Error(problem) : name;
    }

    private static string ReadDescription(JsonCursor cursor)
    {
        var description = cursor.String("a one-line description");
        if (string.IsNullOrWhiteSpace(description))
        {
            throw cursor.Error("empty description; say in one line what the scenario demonstrates");
        }

        return description.AsSpan().ContainsAny('\n', '\r')
            ? throw cursor.Error("the description must be one line")
            : description;
    }

    private static NetworkSpec ReadNetwork(JsonCursor cursor)
    {
        var network = cursor.Object("layers", "activations", "bias");
        var layersCursor = network.Required("layers", "layer widths, input first, e.g. [2, 5, 1]");
        var layers = layersCursor.Array("layer widths").Select(ReadWidth).ToArray();
        if (layers.Length < 2)
        {
            throw layersCursor.Error(
                $"{layers.Length} width(s); expected at least 2: the input width, then one per affine layer");
        }

        var activationsCursor = network.Required("activations", "one per affine layer, e.g. [\"sigmoid\", \"sigmoid\"]");
        var activations = activationsCursor.Array("activation names")
            .Select(a => a.Name(Names.Activation, "activation"))
            .ToArray();
        if (activations.Length != layers.Length - 1)
        {
            throw activationsCursor.Error(
                $"{activations.Length} activation(s) for {layers.Length - 1} affine layer(s); expected one per layer " +
                $"after the input ({layers.Length - 1} for layers [{string.Join(", ", layers)}])");
        }

        var bias = network.Required("bias", "true or false: whether each affine layer has a bias").Boolean("the bias setting");
        return new NetworkSpec(layers, activations, bias);
    }

    private static int ReadWidth(JsonCursor cursor)
    {
        var width = cursor.Int32("a layer width");
        return width >= 1 ? width : throw cursor.Error($"layer width {width}; expected at least 1");
    }

    private static Dataset ReadData(JsonCursor cursor, NetworkSpec network)
    {
        var data = cursor.Object("inputs", "targets");
        var inputs = ReadRows(data.Required("inputs", "rows of input values"), network.Layers[0], "network.layers[0], the input width");
        var targetsCursor = data.Required("targets", "rows of target values");
        var targets = ReadRows(targetsCursor, network.Layers[^1], $"network.layers[{network.Depth}], the output width");
        return targets.Length == inputs.Length
            ? new Dataset(inputs, targets)
            : throw targetsCursor.Error($"{targets.Length} target row(s) for {inputs.Length} input row(s); expected one per input");
    }

    private static double[][] ReadRows(JsonCursor cursor, int width, string widthSource)
    {
        var rows = cursor.Array("rows of numbers");
        if (rows.Count == 0)
        {
            throw cursor.Error("no samples; expected at least one row");
        }

        var result = new double[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            var values = rows[i].Array("a row of numbers");
            if (values.Count != width)
            {
                var ragged = i > 0 ? " (rows are ragged: row 0 has " + Count(result[0].Length) + ")" : string.Empty;
                throw rows[i].Error($"row has {Count(values.Count)}{ragged}; expected {width} = {widthSource}");
            }

            result[i] = [.. values.Select(v => v.Double("a data value"))];
        }

        return result;

        static string Count(int n) => n == 1 ? "1 value" : string.Create(CultureInfo.InvariantCulture, $"{n} values");
    }

    private static InitSpec ReadInit(JsonCursor cursor, string directory)
    {
        var all = cursor.Object(InitProperties);
        var from = all.Required("from", $"one of {Names.Init.Expected}").Name(Names.Init, "init source");
        string[] applies = from switch
        {
            InitSource.Glorot => ["from", "seed", "gain"],
            InitSource.File => ["from", "path"],
            _ => ["from", "seed"],
        };
        foreach (var property in InitProperties.Except(applies))
        {
            if (all.Optional(property) is { } misplaced)
            {
                throw misplaced.Error(
                    $"\"{property}\" does not apply to init from {Names.Init.Of(from)}; it takes {string.Join(", ", applies)}");
            }
        }

        var seed = all.Optional("seed") is { } s ? ReadSeed(s) : 0;
        var gain = all.Optional("gain") is { } g ? ReadPositive(g, "a gain") : 1.0;
        var path = from == InitSource.File
            ? ReadInitFile(all.Required("path", "the parameters file, relative to the scenario file's directory"), directory)
            : null;
        return new InitSpec(from, seed, gain, path);
    }

    private static int ReadSeed(JsonCursor cursor)
    {
        var seed = cursor.Int32("a seed");
        return seed >= 0 ? seed : throw cursor.Error($"seed {seed}; expected 0 or more (numpy seeds are unsigned)");
    }

    private static string ReadInitFile(JsonCursor cursor, string directory)
    {
        var path = cursor.String("a file path");
        if (string.IsNullOrWhiteSpace(path))
        {
            throw cursor.Error("empty path; expected the parameters file, relative to the scenario file's directory");
        }

        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(directory, path));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw cursor.Error($"not a valid path {JsonCursor.Quote(path)}: {e.Message}");
        }

        return File.Exists(full)
            ? full
            : throw cursor.Error($"no parameters file at {full} (the path is relative to the scenario file's directory)");
    }

    private static int ReadEpochs(JsonCursor cursor)
    {
        var epochs = cursor.Int32("a number of epochs");
        return epochs is >= 1 and <= MaxEpochs
            ? epochs
            : throw cursor.Error(string.Create(
                CultureInfo.InvariantCulture,
                $"{epochs} epochs; expected 1 to {MaxEpochs:N0}"));
    }

    private static SideSpec ReadSide(JsonCursor cursor, string directory)
    {
        var side = cursor.Object("loss", "learningRate", "dtype", "batch", "optimizer", "bias", "init");
        var loss = side.Required("loss", $"one of {Names.Loss.Expected}").Name(Names.Loss, "loss");
        var learningRate = ReadPositive(side.Required("learningRate", "the SGD step size, > 0"), "a learning rate");
        var dtype = side.Optional("dtype") is { } d ? d.Name(Names.DType, "dtype") : DType.Float64;
        var batch = side.Optional("batch") is { } b ? b.Name(Names.Batch, "batch mode") : BatchMode.Full;
        var optimizer = side.Optional("optimizer") is { } o ? ReadOptimizer(o) : Optimizer.Plain;
        var bias = side.Optional("bias")?.Boolean("a bias override");
        var init = side.Optional("init") is { } i ? ReadInit(i, directory) : null;
        return new SideSpec(loss, learningRate, dtype, batch, optimizer, bias, init);
    }

    private static Optimizer ReadOptimizer(JsonCursor cursor)
    {
        var optimizer = cursor.Object("kind", "momentum", "weightDecay");
        if (optimizer.Optional("kind") is { } kind && kind.String("an optimizer kind") != Names.Sgd)
        {
            throw kind.Error($"unknown optimizer kind {JsonCursor.Quote(kind.String("an optimizer kind"))}; expected {Names.Sgd}");
        }

        var momentum = 0.0;
        if (optimizer.Optional("momentum") is { } m)
        {
            momentum = m.Double("a momentum");
            if (momentum is < 0 or >= 1)
            {
                throw m.Error(string.Create(CultureInfo.InvariantCulture, $"momentum {momentum:R}; expected 0 ≤ momentum < 1"));
            }
        }

        var weightDecay = 0.0;
        if (optimizer.Optional("weightDecay") is { } w)
        {
            weightDecay = w.Double("a weight decay");
            if (weightDecay < 0)
            {
                throw w.Error(string.Create(CultureInfo.InvariantCulture, $"weight decay {weightDecay:R}; expected 0 or more"));
            }
        }

        return momentum == 0 && weightDecay == 0 ? Optimizer.Plain : new Optimizer(momentum, weightDecay);
    }

    private static Tolerance ReadTolerance(JsonCursor cursor)
    {
        var tolerance = cursor.Object("rtol", "atol");
        var rtol = ReadNonNegative(tolerance.Required("rtol", "the relative tolerance, ≥ 0"), "rtol");
        var atol = ReadNonNegative(tolerance.Required("atol", "the absolute tolerance, ≥ 0"), "atol");
        return new Tolerance(rtol, atol);
    }

    private static Verdict ReadExpect(JsonCursor cursor)
    {
        var name = cursor.String("an expected verdict");
        return Names.Verdict.TryParse(name, out var expect) && expect != Verdict.Error
            ? expect
            : throw cursor.Error(
                $"unknown expected verdict {JsonCursor.Quote(name)}; expected {Names.Verdict.Of(Verdict.Parity)} or " +
                $"{Names.Verdict.Of(Verdict.Mismatch)}");
    }

    private static double ReadPositive(JsonCursor cursor, string what)
    {
        var value = cursor.Double(what);
        return value > 0
            ? value
            : throw cursor.Error(string.Create(CultureInfo.InvariantCulture, $"{what} of {value:R}; expected more than 0"));
    }

    private static double ReadNonNegative(JsonCursor cursor, string what)
    {
        var value = cursor.Double(what);
        return value >= 0
            ? value
            : throw cursor.Error(string.Create(CultureInfo.InvariantCulture, $"{what} {value:R}; expected 0 or more"));
    }
}
