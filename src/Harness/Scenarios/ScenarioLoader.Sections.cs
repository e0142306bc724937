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

        var rowWise = activations.Take(activations.Length - 1).Select((a, i) => (a, i)).FirstOrDefault(x => x.a is Activation.Softmax or Activation.LogSoftmax);
        if (rowWise.a is Activation.Softmax or Activation.LogSoftmax)
        {
            throw activationsCursor.Array("activation names")[rowWise.i].Error(
                $"{rowWise.a.Name()} normalises each row of the output, so it is the last layer's activation only; expected one of sigmoid, tanh, relu, selu, identity here");
        }

        var bias = network.Required("bias", "true or false: whether each affine layer has a bias").Boolean("the bias setting");
        return new NetworkSpec(layers, activations, bias);
    }

    private static int ReadWidth(JsonCursor cursor)
    {
        var width = cursor.Int32("a layer width");
        return width >= 1 ? width : throw cursor.Error($"layer width {width}; expected at least 1");
    }

    private static (Dataset Data, string? File) ReadData(JsonCursor cursor, NetworkSpec network, TargetForm form, string directory)
    {
        if (DataCsv.Names(cursor))
        {
            var (fromCsv, path) = DataCsv.Read(cursor, directory, network, form);
            return (fromCsv, path);
        }

        var data = cursor.Object("inputs", "targets");
        var inputs = ReadRows(data.Required("inputs", "rows of input values"), network.Layers[0], "network.layers[0], the input width");
        var targetsCursor = data.Required("targets", form == TargetForm.ClassIndices ? "rows of one class index each" : "rows of target values");
        var targets = form == TargetForm.ClassIndices
            ? ReadLabels(targetsCursor, network.Layers[^1])
            : ReadRows(targetsCursor, network.Layers[^1], $"network.layers[{network.Depth}], the output width");
        return targets.Length == inputs.Length
            ? (new Dataset(inputs, targets), null)
            : throw targetsCursor.Error($"{targets.Length} target row(s) for {inputs.Length} input row(s); expected one per input");
    }

    // Class indices as cross-entropy and NLL take them: each row one whole number 0…C−1, C the output width.
    private static double[][] ReadLabels(JsonCursor cursor, int classes)
    {
        var rows = ReadRows(cursor, 1, "one class index per sample, as cross-entropy and NLL take targets");
        for (var i = 0; i < rows.Length; i++)
        {
            var label = rows[i][0];
            if (label != Math.Floor(label) || label < 0 || label >= classes)
            {
                throw cursor.Array("rows")[i].Array("a row")[0].Error(string.Create(CultureInfo.InvariantCulture,
                    $"class index {label:R}; expected a whole number 0…{classes - 1} (the network has {classes} outputs)"));
            }
        }

        return rows;
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
            ? ExistingFile(all.Required("path", "the parameters file, relative to the scenario file's directory"), directory, "parameters file")
            : null;
        return new InitSpec(from, seed, gain, path);
    }

    internal static int ReadSeed(JsonCursor cursor)
    {
        var seed = cursor.Int32("a seed");
        return seed >= 0 ? seed : throw cursor.Error($"seed {seed}; expected 0 or more (numpy seeds are unsigned)");
    }

    /// <summary>The full path of the existing file that <paramref name="cursor"/> names, relative to <paramref name="directory"/>.</summary>
    internal static string ExistingFile(JsonCursor cursor, string directory, string what)
    {
        var path = cursor.String("a file path");
        if (string.IsNullOrWhiteSpace(path))
        {
            throw cursor.Error($"empty path; expected the {what}, relative to the scenario file's directory");
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
            : throw cursor.Error($"no {what} at {full} (the path is relative to the scenario file's directory)");
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

    private static SideSpec ReadSide(JsonCursor cursor, string directory, Logged logged)
    {
        var side = cursor.Object("loss", "learningRate", "dtype", "batch", "optimizer", "schedule", "bias", "init");
        var loss = side.Required("loss", $"one of {Names.Loss.Expected}").Name(Names.Loss, "loss");
        var learningRate = ReadPositive(side.Required("learningRate", "the optimiser's step size, > 0"), "a learning rate");
        var dtype = side.Optional("dtype") is { } d ? d.Name(Names.DType, "dtype") : DType.Float64;
        var (batch, miniBatch) = side.Optional("batch") is { } b ? ReadBatch(b) : (BatchMode.Full, null);
        var optimizer = side.Optional("optimizer") is { } o ? ScenarioOptimizers.Read(o) : Optimizer.Plain;
        var bias = side.Optional("bias")?.Boolean("a bias override");
        var init = side.Optional("init") is { } i ? ReadInit(i, directory) : null;
        var schedule = side.Optional("schedule") is { } s ? ReadSchedule(s) : null;
        return new SideSpec(loss, learningRate, dtype, batch, optimizer, bias, init, miniBatch, logged, schedule);
    }

    // { "kind": "step", "stepSize", "gamma" }: torch.optim.lr_scheduler.StepLR, stepped after each epoch.
    private static Schedule ReadSchedule(JsonCursor cursor)
    {
        var schedule = cursor.Object("kind", "stepSize", "gamma");
        var kindCursor = schedule.Required("kind", "\"step\" (StepLR)");
        var kind = kindCursor.String("a schedule kind");
        if (kind != "step")
        {
            throw kindCursor.Error($"unknown schedule kind {JsonCursor.Quote(kind)}; expected \"step\" (StepLR)");
        }

        var stepSizeCursor = schedule.Required("stepSize", "the epochs between two decays, ≥ 1");
        var stepSize = stepSizeCursor.Int32("a number of epochs");
        if (stepSize < 1)
        {
            throw stepSizeCursor.Error(string.Create(CultureInfo.InvariantCulture, $"step size {stepSize}; expected at least 1 epoch"));
        }

        var gamma = ReadPositive(schedule.Required("gamma", "the factor of each decay, > 0"), "a decay factor");
        return new Schedule(stepSize, gamma);
    }

    // "full", "per-sample", or { "size", "shuffle", "seed", "dropLast" }.
    private static (BatchMode Mode, MiniBatch? MiniBatch) ReadBatch(JsonCursor cursor)
    {
        const string Expected = "\"full\", \"per-sample\" or { \"size\", \"shuffle\", \"seed\", \"dropLast\" }";
        if (cursor.Element.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            var name = cursor.String("a batch mode");
            return name switch
            {
                "full" => (BatchMode.Full, null),
                "per-sample" => (BatchMode.PerSample, null),
                _ => throw cursor.Error($"unknown batch mode {JsonCursor.Quote(name)}; expected {Expected}"),
            };
        }

        if (cursor.Element.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw cursor.Error($"expected {Expected}, got {JsonCursor.Describe(cursor.Element)}");
        }

        var batch = cursor.Object("size", "shuffle", "seed", "dropLast");
        var sizeCursor = batch.Required("size", "the rows per update, ≥ 1");
        var size = sizeCursor.Int32("a batch size");
        if (size < 1)
        {
            throw sizeCursor.Error(string.Create(CultureInfo.InvariantCulture, $"batch size {size}; expected at least 1"));
        }

        var shuffle = batch.Optional("shuffle")?.Boolean("whether to shuffle each epoch") ?? false;
        var seed = batch.Optional("seed") is { } s ? ReadSeed(s) : 0;
        var dropLast = batch.Optional("dropLast")?.Boolean("whether to drop a last, partial batch") ?? false;
        return (BatchMode.MiniBatch, new MiniBatch(size, shuffle, seed, dropLast));
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
