using Parity.HandRolled.Model;

namespace Parity.Harness.Diagnosis;

/// <summary>
/// An optimiser's update as a trainer might have written it: <c>torch.optim</c>'s rule with one known departure (or
/// none), applied to all parameters as one vector, its state carried from step to step. The diagnosis replays a
/// trainer's recorded steps — its own parameters and gradients — through each candidate, and names the one that
/// reproduces every update.
/// </summary>
/// <param name="Description">The departure in words, e.g. "without bias correction".</param>
internal abstract record UpdateRule(string Description)
{
    /// <summary>
    /// The new parameters after step <paramref name="t"/> (1-based) from <paramref name="p"/> and its gradient
    /// <paramref name="g"/>, at that step's learning rate <paramref name="lr"/>.
    /// </summary>
    public abstract double[] Step(double[] p, double[] g, int t, double lr);

    /// <summary>A fresh copy of the rule, its state empty.</summary>
    public abstract UpdateRule Fresh();

    /// <summary>
    /// The candidate departures from <paramref name="o"/> that ports are known to make; <paramref name="rateChanges"/>:
    /// whether the learning rate changes during the run (a schedule), which some departures need to show.
    /// </summary>
    public static IEnumerable<UpdateRule> VariantsOf(Optimizer o, bool rateChanges) => o.Kind switch
    {
        OptimizerKind.Sgd => SgdRule.Variants(o, rateChanges),
        OptimizerKind.RmsProp => RmsPropRule.Variants(o),
        _ => AdamRule.Variants(o),
    };
}

/// <summary>
/// SGD: d = g + λp; b = μb + (1 − dampening)·d (the first b is d itself); Nesterov d + μb; p −= lr·b. With the learning
/// rate inside the buffer, as some ports write it: b = μb + lr·(1 − dampening)·d, p −= b (Nesterov lr·d + μb).
/// </summary>
internal sealed record SgdRule(
    string Description, double Momentum, double Dampening, bool Nesterov, double WeightDecay,
    bool DampenFirstStep = false, bool LrInsideBuffer = false) : UpdateRule(Description)
{
    private double[]? buffer;

    public static IEnumerable<UpdateRule> Variants(Optimizer o, bool rateChanges)
    {
        var asked = new SgdRule("", o.Momentum, o.Dampening, o.Nesterov, o.WeightDecay);
        if (o.Momentum > 0 && rateChanges)
        {
            // At a constant rate this buffer is lr × torch.optim's, every update the same: a departure only once a
            // schedule changes the rate, when the buffer still carries the steps taken at the old one.
            yield return asked with { Description = "with the learning rate inside the momentum buffer (b = μb + lr·g, p −= b)", LrInsideBuffer = true };
        }

        if (o.Momentum > 0)
        {
            yield return asked with { Description = $"with Nesterov momentum {(o.Nesterov ? "off" : "on")}", Nesterov = !o.Nesterov, Dampening = 0 };
            if (o.Dampening == 0)
            {
                yield return asked with { Description = "with dampening μ (b = μb + (1 − μ)g from b = 0: a moving average)", Dampening = o.Momentum, DampenFirstStep = true };
            }
            else
            {
                yield return asked with { Description = "with the dampening applied to the first step too (torch.optim.SGD starts the buffer at g)", DampenFirstStep = true };
                yield return asked with { Description = "without dampening", Dampening = 0 };
            }
        }

        if (o.WeightDecay > 0)
        {
            yield return asked with { Description = "without weight decay", WeightDecay = 0 };
        }
    }

    public override UpdateRule Fresh() => this with { buffer = null };

    public override double[] Step(double[] p, double[] g, int t, double lr)
    {
        var inside = LrInsideBuffer ? lr : 1; // the rate the buffer's new term carries
        var d = g.Select((gi, i) => gi + (WeightDecay * p[i])).ToArray();
        var step = d;
        if (Momentum != 0)
        {
            buffer = buffer is null
                ? [.. d.Select(di => (DampenFirstStep ? 1 - Dampening : 1) * inside * di)]
                : [.. buffer.Select((b, i) => (Momentum * b) + ((1 - Dampening) * inside * d[i]))];
            step = Nesterov ? [.. d.Select((di, i) => (inside * di) + (Momentum * buffer[i]))] : buffer;
        }

        var outside = LrInsideBuffer && Momentum != 0 ? 1 : lr;
        return [.. p.Select((pi, i) => pi - (outside * step[i]))];
    }
}

/// <summary>
/// Adam and AdamW: m = β1·m + (1 − β1)·g, v = β2·v + (1 − β2)·g², p −= lr/(1 − β1ᵗ)·m/(√v/√(1 − β2ᵗ) + ε); L2 adds λp
/// to g, decoupled decay first scales p by 1 − lr·λ; AMSGrad divides by the running maximum of v.
/// </summary>
internal sealed record AdamRule(
    string Description, double Beta1, double Beta2, double Eps, double WeightDecay, bool Decoupled, bool Amsgrad,
    bool BiasCorrection = true, bool EpsInsideRoot = false) : UpdateRule(Description)
{
    private static readonly double[] Beta2s = [0.999, 0.99, 0.9999, 0.98, 0.95, 0.9];
    private static readonly double[] Beta1s = [0.9, 0.95, 0.99, 0.8, 0.5, 0];
    private double[]? m;
    private double[]? v;
    private double[]? vMax;

    public static IEnumerable<UpdateRule> Variants(Optimizer o)
    {
        var asked = new AdamRule("", o.Beta1, o.Beta2, o.Eps, o.WeightDecay, o.Kind == OptimizerKind.AdamW, o.Amsgrad);
        yield return asked with { Description = "without bias correction (m and v used as they are)", BiasCorrection = false };
        yield return asked with { Description = "with ε inside the square root, √(v̂ + ε), where PyTorch adds it outside, √v̂ + ε", EpsInsideRoot = true };
        if (o.WeightDecay > 0)
        {
            yield return asked.Decoupled
                ? asked with { Description = "with Adam's L2 weight decay (λ·p added to the gradient) where AdamW's decoupled decay was asked", Decoupled = false }
                : asked with { Description = "with AdamW's decoupled weight decay (p scaled by 1 − lr·λ) where Adam's L2 decay was asked", Decoupled = true };
        }

        foreach (var beta2 in Beta2s.Where(b => b != o.Beta2))
        {
            yield return asked with { Description = $"with β2 = {beta2:G6} where {o.Beta2:G6} was asked", Beta2 = beta2 };
        }

        foreach (var beta1 in Beta1s.Where(b => b != o.Beta1))
        {
            yield return asked with { Description = $"with β1 = {beta1:G6} where {o.Beta1:G6} was asked", Beta1 = beta1 };
        }

        yield return asked with { Description = $"with AMSGrad {(o.Amsgrad ? "off" : "on")}", Amsgrad = !o.Amsgrad };
    }

    public override UpdateRule Fresh() => this with { m = null, v = null, vMax = null };

    public override double[] Step(double[] p, double[] g, int t, double lr)
    {
        var decayed = Decoupled ? [.. p.Select(pi => pi * (1 - (lr * WeightDecay)))] : p;
        var grad = Decoupled || WeightDecay == 0 ? g : [.. g.Select((gi, i) => gi + (WeightDecay * p[i]))];
        m = [.. grad.Select((gi, i) => (Beta1 * (m?[i] ?? 0)) + ((1 - Beta1) * gi))];
        v = [.. grad.Select((gi, i) => (Beta2 * (v?[i] ?? 0)) + ((1 - Beta2) * gi * gi))];
        vMax = Amsgrad ? [.. v.Select((vi, i) => Math.Max(vi, vMax?[i] ?? 0))] : null;
        var second = vMax ?? v;
        var (c1, c2) = BiasCorrection ? (1 - Math.Pow(Beta1, t), 1 - Math.Pow(Beta2, t)) : (1.0, 1.0);
        return [.. decayed.Select((pi, i) =>
        {
            var denominator = EpsInsideRoot ? Math.Sqrt((second[i] / c2) + Eps) : (Math.Sqrt(second[i]) / Math.Sqrt(c2)) + Eps;
            return pi - (lr / c1 * m[i] / denominator);
        })];
    }
}

/// <summary>
/// RMSprop: s = α·s + (1 − α)·g² (g with λp added); centered avg = √(s − ā²) + ε with ā = α·ā + (1 − α)·g, else √s + ε;
/// momentum b = μb + g/avg, p −= lr·b; else p −= lr·g/avg.
/// </summary>
internal sealed record RmsPropRule(
    string Description, double Alpha, double Eps, double Momentum, bool Centered, double WeightDecay,
    bool EpsInsideRoot = false) : UpdateRule(Description)
{
    private static readonly double[] Alphas = [0.99, 0.9, 0.999, 0.95];
    private double[]? square;
    private double[]? mean;
    private double[]? buffer;

    public static IEnumerable<UpdateRule> Variants(Optimizer o)
    {
        var asked = new RmsPropRule("", o.Alpha, o.Eps, o.Momentum, o.Centered, o.WeightDecay);
        yield return asked with { Description = "with ε inside the square root, √(s + ε), where PyTorch adds it outside, √s + ε", EpsInsideRoot = true };
        yield return asked with { Description = $"{(o.Centered ? "not centered" : "centered")}", Centered = !o.Centered };
        foreach (var alpha in Alphas.Where(a => a != o.Alpha))
        {
            yield return asked with { Description = $"with α = {alpha:G6} where {o.Alpha:G6} was asked", Alpha = alpha };
        }
    }

    public override UpdateRule Fresh() => this with { square = null, mean = null, buffer = null };

    public override double[] Step(double[] p, double[] g, int t, double lr)
    {
        var grad = WeightDecay == 0 ? g : [.. g.Select((gi, i) => gi + (WeightDecay * p[i]))];
        square = [.. grad.Select((gi, i) => (Alpha * (square?[i] ?? 0)) + ((1 - Alpha) * gi * gi))];
        mean = Centered ? [.. grad.Select((gi, i) => (Alpha * (mean?[i] ?? 0)) + ((1 - Alpha) * gi))] : null;
        var avg = square.Select((s, i) =>
        {
            var variance = s - (mean is null ? 0 : mean[i] * mean[i]);
            return EpsInsideRoot ? Math.Sqrt(variance + Eps) : Math.Sqrt(variance) + Eps;
        }).ToArray();
        var step = grad.Select((gi, i) => gi / avg[i]).ToArray();
        if (Momentum > 0)
        {
            buffer = [.. step.Select((si, i) => (Momentum * (buffer?[i] ?? 0)) + si)];
            step = buffer;
        }

        return [.. p.Select((pi, i) => pi - (lr * step[i]))];
    }
}
