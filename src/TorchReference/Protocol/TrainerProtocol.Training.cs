using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parity.HandRolled.Model;

namespace Parity.TorchReference.Protocol;

public static partial class TrainerProtocol
{
    private const string TrainingPath = "$.training";

    // What each optimizer kind takes besides "kind": torch.optim's hyperparameters, in the contract's names.
    private static readonly Dictionary<OptimizerKind, string[]> OptimizerMembers = new()
    {
        [OptimizerKind.Sgd] = ["momentum", "dampening", "nesterov", "weightDecay"],
        [OptimizerKind.Adam] = ["betas", "eps", "weightDecay", "amsgrad"],
        [OptimizerKind.AdamW] = ["betas", "eps", "weightDecay", "amsgrad"],
        [OptimizerKind.RmsProp] = ["alpha", "eps", "momentum", "centered", "weightDecay"],
    };

    private static readonly string[] MiniBatchMembers = ["size", "shuffle", "seed", "dropLast"];

    private static readonly string[] ScheduleMembers = ["kind", "stepSize", "gamma"];

    /// <summary>
    /// <c>training.optimizer</c>: the kind and every hyperparameter it takes, explicit. Plain SGD and SGD with momentum
    /// and weight decay are also written as today's <c>momentum</c> and <c>weightDecay</c>, for trainers that read those.
    /// </summary>
    private static void WriteOptimizer(JsonObject training, Optimizer o)
    {
        var members = new JsonObject { ["kind"] = o.Kind.Name() };
        switch (o.Kind)
        {
            case OptimizerKind.Sgd:
                training["momentum"] = JsonNumbers.Write(o.Momentum);
                training["weightDecay"] = JsonNumbers.Write(o.WeightDecay);
                members["momentum"] = JsonNumbers.Write(o.Momentum);
                members["dampening"] = JsonNumbers.Write(o.Dampening);
                members["nesterov"] = o.Nesterov;
                break;
            case OptimizerKind.Adam or OptimizerKind.AdamW:
                members["betas"] = new JsonArray(JsonNumbers.Write(o.Beta1), JsonNumbers.Write(o.Beta2));
                members["eps"] = JsonNumbers.Write(o.Eps);
                members["amsgrad"] = o.Amsgrad;
                break;
            default:
                members["alpha"] = JsonNumbers.Write(o.Alpha);
                members["eps"] = JsonNumbers.Write(o.Eps);
                members["momentum"] = JsonNumbers.Write(o.Momentum);
                members["centered"] = o.Centered;
                break;
        }

        members["weightDecay"] = JsonNumbers.Write(o.WeightDecay);
        training["optimizer"] = members;
    }

    /// <summary><c>training.batch</c>: <c>"full"</c>, <c>"per-sample"</c>, or the mini-batch object with every member explicit.</summary>
    private static JsonNode WriteBatch(TrainingOptions options) => options.Batch != BatchMode.MiniBatch
        ? options.Batch.Name()
        : new JsonObject
        {
            ["size"] = options.MiniBatch!.Size,
            ["shuffle"] = options.MiniBatch.Shuffle,
            ["seed"] = options.MiniBatch.Seed,
            ["dropLast"] = options.MiniBatch.DropLast,
        };

    /// <summary>
    /// <c>training.optimizer</c>, or today's SGD from <c>training.momentum</c> and <c>training.weightDecay</c> without it.
    /// Each member is optional, with torch.optim's default (AdamW's weight decay 0.01); one the kind does not take is an
    /// error, as is a value torch.optim refuses.
    /// </summary>
    private static Optimizer ReadOptimizer(JsonElement training)
    {
        if (!training.TryGetProperty("optimizer", out var spec))
        {
            return Checked(new Optimizer(Hyperparameter(training, "momentum", TrainingPath), Hyperparameter(training, "weightDecay", TrainingPath)), $"{TrainingPath}");
        }

        const string path = $"{TrainingPath}.optimizer";
        JsonNumbers.Expect(spec, JsonValueKind.Object, path, "an object { \"kind\", … }");
        var kindElement = JsonNumbers.Property(spec, "kind", path);
        if (kindElement.ValueKind != JsonValueKind.String || !WireNames.TryParse(kindElement.GetString()!, out OptimizerKind kind))
        {
            throw new ProtocolException(
                $"{path}.kind: unknown optimizer kind {JsonNumbers.Describe(kindElement)}; expected one of {string.Join(", ", WireNames.OptimizerKinds)}");
        }

        Members(spec, path, ["kind", .. OptimizerMembers[kind]], $"the {kind.Name()} optimizer");
        var o = kind switch
        {
            OptimizerKind.Sgd => Optimizer.Sgd(
                Hyperparameter(spec, "momentum", path), Hyperparameter(spec, "dampening", path), Flag(spec, "nesterov", path), Hyperparameter(spec, "weightDecay", path)),
            OptimizerKind.Adam or OptimizerKind.AdamW => Adam(spec, path, kind),
            _ => Optimizer.RmsProp(
                Hyperparameter(spec, "alpha", path, 0.99), Hyperparameter(spec, "eps", path, 1e-8), Hyperparameter(spec, "momentum", path),
                Flag(spec, "centered", path), Hyperparameter(spec, "weightDecay", path)),
        };

        // Today's fields may stay beside the object, as the writer puts them for SGD, but only saying the same.
        foreach (var (name, value) in new[] { ("momentum", o.Momentum), ("weightDecay", o.WeightDecay) })
        {
            if (!training.TryGetProperty(name, out var legacy))
            {
                continue;
            }

            if (kind != OptimizerKind.Sgd)
            {
                throw new ProtocolException(
                    $"{TrainingPath}.{name}: today's SGD field beside the {kind.Name()} optimizer of {path}; give the optimizer once, in {path}");
            }

            if (!JsonNumbers.Read(legacy, $"{TrainingPath}.{name}").Equals(value))
            {
                throw new ProtocolException(
                    $"{TrainingPath}.{name}: {legacy.GetRawText()} conflicts with {path}.{name} {RoundTrip.Format(value)}; give the optimizer once, in {path}");
            }
        }

        return Checked(o, path);
    }

    private static Optimizer Adam(JsonElement spec, string path, OptimizerKind kind)
    {
        var (beta1, beta2) = (0.9, 0.999);
        if (spec.TryGetProperty("betas", out var betas))
        {
            var pair = betas.ValueKind == JsonValueKind.Array && betas.GetArrayLength() == 2
                ? JsonNumbers.ReadAll(betas, $"{path}.betas")
                : throw new ProtocolException($"{path}.betas: expected [beta1, beta2], found {JsonNumbers.Describe(betas)}");
            (beta1, beta2) = (pair[0], pair[1]);
        }

        var eps = Hyperparameter(spec, "eps", path, 1e-8);
        var amsgrad = Flag(spec, "amsgrad", path);
        return kind == OptimizerKind.Adam
            ? Optimizer.Adam(beta1, beta2, eps, Hyperparameter(spec, "weightDecay", path), amsgrad)
            : Optimizer.AdamW(beta1, beta2, eps, Hyperparameter(spec, "weightDecay", path, 0.01), amsgrad);
    }

    // The values torch.optim's constructors refuse, refused here with the place named.
    private static Optimizer Checked(Optimizer o, string path)
    {
        string? problem = o switch
        {
            { Momentum: < 0 } => $"momentum {o.Momentum} is negative",
            { WeightDecay: < 0 } => $"weightDecay {o.WeightDecay} is negative",
            { Eps: < 0 } => $"eps {o.Eps} is negative",
            { Alpha: < 0 } => $"alpha {o.Alpha} is negative",
            { Beta1: < 0 or >= 1 } => $"betas[0] {o.Beta1} is outside [0, 1)",
            { Beta2: < 0 or >= 1 } => $"betas[1] {o.Beta2} is outside [0, 1)",
            { Nesterov: true } when o.Momentum <= 0 || o.Dampening != 0 => "nesterov needs a momentum above 0 and no dampening",
            _ => null,
        };
        return problem is null ? o : throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"{path}: {problem}, which torch.optim refuses"));
    }

    /// <summary><c>training.batch</c>: a name, or <c>{ "size", "shuffle", "seed", "dropLast" }</c> for mini-batches.</summary>
    private static (BatchMode Mode, MiniBatch? MiniBatch) ReadBatch(JsonElement training)
    {
        const string path = $"{TrainingPath}.batch";
        var batch = JsonNumbers.Property(training, "batch", TrainingPath);
        if (batch.ValueKind == JsonValueKind.String && WireNames.TryParse(batch.GetString()!, out BatchMode mode) && mode != BatchMode.MiniBatch)
        {
            return (mode, null);
        }

        if (batch.ValueKind != JsonValueKind.Object)
        {
            throw new ProtocolException(
                $"{path}: unknown batch {JsonNumbers.Describe(batch)}; expected \"full\", \"per-sample\" or {{ \"size\", \"shuffle\", \"seed\", \"dropLast\" }}");
        }

        Members(batch, path, MiniBatchMembers, "a mini-batch");
        var size = WholeNumber(JsonNumbers.Property(batch, "size", path), $"{path}.size", 1);
        var seed = batch.TryGetProperty("seed", out var s) ? WholeNumber(s, $"{path}.seed", 0) : 0;
        return (BatchMode.MiniBatch, new MiniBatch(size, Flag(batch, "shuffle", path), seed, Flag(batch, "dropLast", path)));
    }

    /// <summary><c>training.schedule</c>: <c>{ "kind": "step", "stepSize", "gamma" }</c>, StepLR stepped after each epoch.</summary>
    private static JsonObject WriteSchedule(Schedule schedule) => new()
    {
        ["kind"] = "step",
        ["stepSize"] = schedule.StepSize,
        ["gamma"] = JsonNumbers.Write(schedule.Gamma),
    };

    /// <summary><c>training.schedule</c>, or none (a constant learning rate) when absent.</summary>
    private static Schedule? ReadSchedule(JsonElement training)
    {
        const string path = $"{TrainingPath}.schedule";
        if (!training.TryGetProperty("schedule", out var schedule))
        {
            return null;
        }

        JsonNumbers.Expect(schedule, JsonValueKind.Object, path, "an object { \"kind\": \"step\", \"stepSize\", \"gamma\" }");
        Members(schedule, path, ScheduleMembers, "a schedule");
        var kind = JsonNumbers.Property(schedule, "kind", path);
        if (kind.ValueKind != JsonValueKind.String || kind.GetString() != "step")
        {
            throw new ProtocolException($"{path}.kind: unknown schedule kind {JsonNumbers.Describe(kind)}; expected \"step\" (StepLR)");
        }

        var stepSize = WholeNumber(JsonNumbers.Property(schedule, "stepSize", path), $"{path}.stepSize", 1);
        var gammaElement = JsonNumbers.Property(schedule, "gamma", path);
        var gamma = JsonNumbers.Read(gammaElement, $"{path}.gamma");
        return double.IsFinite(gamma) && gamma > 0
            ? new Schedule(stepSize, gamma)
            : throw new ProtocolException($"{path}.gamma: expected a finite number above 0, found {JsonNumbers.Describe(gammaElement)}");
    }

    /// <summary><c>training.logged</c>; <c>mse</c> (today's) when absent.</summary>
    private static Logged ReadLogged(JsonElement training)
    {
        if (!training.TryGetProperty("logged", out var logged))
        {
            return Logged.Mse;
        }

        return logged.ValueKind == JsonValueKind.String && WireNames.TryParse(logged.GetString()!, out Logged value)
            ? value
            : throw new ProtocolException(
                $"{TrainingPath}.logged: unknown logged quantity {JsonNumbers.Describe(logged)}; expected one of {string.Join(", ", WireNames.LoggedQuantities)}");
    }

    private static void Members(JsonElement obj, string path, string[] allowed, string what)
    {
        foreach (var member in obj.EnumerateObject())
        {
            if (!allowed.Contains(member.Name, StringComparer.Ordinal))
            {
                throw new ProtocolException($"{path}.{member.Name}: {what} takes no \"{member.Name}\"; expected {string.Join(", ", allowed)}");
            }
        }
    }

    private static double Hyperparameter(JsonElement obj, string name, string path, double otherwise = 0)
    {
        if (!obj.TryGetProperty(name, out var element))
        {
            return otherwise;
        }

        var value = JsonNumbers.Read(element, $"{path}.{name}");
        return double.IsFinite(value) ? value : throw new ProtocolException($"{path}.{name}: expected a finite number, found {JsonNumbers.Describe(element)}");
    }

    private static bool Flag(JsonElement obj, string name, string path) =>
        !obj.TryGetProperty(name, out var element) ? false
        : element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean()
        : throw new ProtocolException($"{path}.{name}: expected true or false, found {JsonNumbers.Describe(element)}");

    private static int WholeNumber(JsonElement element, string path, int minimum) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value >= minimum
            ? value
            : throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"{path}: expected a whole number ≥ {minimum}, found {JsonNumbers.Describe(element)}"));
}
