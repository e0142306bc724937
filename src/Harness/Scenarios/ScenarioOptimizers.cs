using System.Globalization;
using Parity.HandRolled.Model;

namespace Parity.Harness.Scenarios;

/// <summary>
/// A side's <c>optimizer</c>: <c>{ "kind": "sgd" | "adam" | "adamw" | "rmsprop", … }</c> with <c>torch.optim</c>'s
/// hyperparameters, defaults and checks (a member another kind takes is an error, not ignored). Without <c>kind</c> it
/// is SGD, as before there were others.
/// </summary>
internal static class ScenarioOptimizers
{
    private static readonly string[] All =
        ["kind", "momentum", "dampening", "nesterov", "weightDecay", "betas", "eps", "amsgrad", "alpha", "centered"];

    private static readonly Dictionary<OptimizerKind, string[]> Takes = new()
    {
        [OptimizerKind.Sgd] = ["kind", "momentum", "dampening", "nesterov", "weightDecay"],
        [OptimizerKind.Adam] = ["kind", "betas", "eps", "weightDecay", "amsgrad"],
        [OptimizerKind.AdamW] = ["kind", "betas", "eps", "weightDecay", "amsgrad"],
        [OptimizerKind.RmsProp] = ["kind", "alpha", "eps", "momentum", "centered", "weightDecay"],
    };

    /// <summary>E.g. <c>adam (betas [0.9, 0.999], eps 1e-08, weightDecay 0, amsgrad false)</c>: the kind and the members it takes.</summary>
    public static string Describe(Optimizer optimizer) =>
        $"{optimizer.Kind.Name()} ({string.Join(", ", Takes[optimizer.Kind].Skip(1).Select(m => $"{m} {Value(optimizer, m)}"))})";

    /// <summary>What differs between two optimisers, e.g. <c>kind adam against adamw; weightDecay 0 against 0.01</c>.</summary>
    public static string Differences(Optimizer hand, Optimizer torch) =>
        string.Join("; ", new[] { "kind" }.Concat(Takes[hand.Kind].Union(Takes[torch.Kind]).Skip(1))
            .Where(m => Value(hand, m) != Value(torch, m))
            .Select(m => $"{m} {Value(hand, m)} on the hand-rolled side against {Value(torch, m)}"));

    private static string Value(Optimizer o, string member) => member switch
    {
        "kind" => o.Kind.Name(),
        "momentum" => Number(o.Momentum),
        "dampening" => Number(o.Dampening),
        "nesterov" => o.Nesterov ? "true" : "false",
        "weightDecay" => Number(o.WeightDecay),
        "betas" => $"[{Number(o.Beta1)}, {Number(o.Beta2)}]",
        "eps" => Number(o.Eps),
        "amsgrad" => o.Amsgrad ? "true" : "false",
        "alpha" => Number(o.Alpha),
        _ => o.Centered ? "true" : "false",
    };

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static Optimizer Read(JsonCursor cursor)
    {
        var optimizer = cursor.Object(All);
        var kind = optimizer.Optional("kind") is { } k ? k.Name(Names.Optimizer, "optimizer kind") : OptimizerKind.Sgd;
        foreach (var member in All.Except(Takes[kind]))
        {
            if (optimizer.Optional(member) is { } misplaced)
            {
                throw misplaced.Error($"\"{member}\" does not apply to {kind.Name()}; it takes {string.Join(", ", Takes[kind])}");
            }
        }

        var weightDecay = optimizer.Optional("weightDecay") is { } w ? NonNegative(w, "weight decay") : (double?)null;
        return kind switch
        {
            OptimizerKind.Sgd => Sgd(optimizer, weightDecay ?? 0),
            OptimizerKind.RmsProp => Optimizer.RmsProp(
                alpha: optimizer.Optional("alpha") is { } a ? NonNegative(a, "alpha") : 0.99,
                eps: Eps(optimizer),
                momentum: optimizer.Optional("momentum") is { } m ? Momentum(m) : 0,
                centered: optimizer.Optional("centered")?.Boolean("whether RMSprop is centered") ?? false,
                weightDecay: weightDecay ?? 0),
            _ => Adam(optimizer, kind, weightDecay),
        };
    }

    private static Optimizer Sgd(ObjectCursor optimizer, double weightDecay)
    {
        var momentum = optimizer.Optional("momentum") is { } m ? Momentum(m) : 0;
        var dampening = 0.0;
        if (optimizer.Optional("dampening") is { } d)
        {
            dampening = d.Double("a dampening");
            if (dampening is < 0 or > 1)
            {
                throw d.Error(string.Create(CultureInfo.InvariantCulture, $"dampening {dampening:R}; expected 0 ≤ dampening ≤ 1"));
            }
        }

        var nesterovCursor = optimizer.Optional("nesterov");
        var nesterov = nesterovCursor?.Boolean("whether the momentum is Nesterov's") ?? false;
        if (nesterov && (momentum == 0 || dampening != 0))
        {
            // torch.optim.SGD refuses it too: "Nesterov momentum requires a momentum and zero dampening".
            throw nesterovCursor!.Value.Error("Nesterov momentum needs a momentum above 0 and no dampening, as torch.optim.SGD requires");
        }

        return momentum == 0 && weightDecay == 0 ? Optimizer.Plain : Optimizer.Sgd(momentum, dampening, nesterov, weightDecay);
    }

    private static Optimizer Adam(ObjectCursor optimizer, OptimizerKind kind, double? weightDecay)
    {
        var (beta1, beta2) = (0.9, 0.999);
        if (optimizer.Optional("betas") is { } betasCursor)
        {
            var betas = betasCursor.Array("[β1, β2]");
            if (betas.Count != 2)
            {
                throw betasCursor.Error(string.Create(CultureInfo.InvariantCulture, $"{betas.Count} value(s); expected two, [β1, β2]"));
            }

            (beta1, beta2) = (Beta(betas[0]), Beta(betas[1]));
        }

        var amsgrad = optimizer.Optional("amsgrad")?.Boolean("whether to use AMSGrad") ?? false;
        return kind == OptimizerKind.AdamW
            ? Optimizer.AdamW(beta1, beta2, Eps(optimizer), weightDecay ?? 0.01, amsgrad)
            : Optimizer.Adam(beta1, beta2, Eps(optimizer), weightDecay ?? 0, amsgrad);
    }

    private static double Eps(ObjectCursor optimizer) => optimizer.Optional("eps") is { } e ? NonNegative(e, "eps") : 1e-8;

    private static double Momentum(JsonCursor cursor)
    {
        var momentum = cursor.Double("a momentum");
        return momentum is >= 0 and < 1
            ? momentum
            : throw cursor.Error(string.Create(CultureInfo.InvariantCulture, $"momentum {momentum:R}; expected 0 ≤ momentum < 1"));
    }

    private static double Beta(JsonCursor cursor)
    {
        var beta = cursor.Double("a β");
        return beta is >= 0 and < 1
            ? beta
            : throw cursor.Error(string.Create(CultureInfo.InvariantCulture, $"β {beta:R}; expected 0 ≤ β < 1"));
    }

    private static double NonNegative(JsonCursor cursor, string what)
    {
        var value = cursor.Double($"a {what}");
        return value >= 0
            ? value
            : throw cursor.Error(string.Create(CultureInfo.InvariantCulture, $"{what} {value:R}; expected 0 or more"));
    }
}
