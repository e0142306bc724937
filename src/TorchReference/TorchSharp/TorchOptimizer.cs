using Parity.HandRolled.Model;
using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Parity.TorchReference.TorchSharp;

/// <summary>
/// <c>torch.optim</c>'s SGD, Adam, AdamW and RMSprop steps in libtorch, operation for operation as TorchSharp 0.107's
/// <c>optim</c> classes take them — the single-tensor forms of PyTorch 1.13 (<c>foreach</c> and <c>fused</c> off, as on
/// the CPU by default); docs/contracts.md lists where PyTorch 2.x computes differently.
/// </summary>
/// <remarks>
/// Not TorchSharp's own classes: they pass every coefficient as a temporary <see cref="Scalar"/> made by an implicit
/// conversion (and overloads such as <c>add_(t)</c> make one of 1), not kept alive through the native call, so under
/// parallel load the garbage collector finalises (frees) it while libtorch still reads it — seen as "Expected false to
/// be true … toDouble" in 8 to 22 of 160 runs with a collecting thread beside them, and as failed tests. Every
/// coefficient here is an explicit Scalar that this optimiser or the step owns for its whole life.
/// </remarks>
internal sealed class TorchOptimizer : IDisposable
{
    private readonly Parameter[] parameters;
    private readonly Optimizer o;
    private double lr;
    private readonly State[] states;
    private readonly List<Scalar> owned = [];
    private readonly Scalar one;
    private readonly Scalar minusOne;
    private Scalar minusLr;
    private readonly Scalar weightDecay;
    private readonly Scalar momentum;
    private readonly Scalar undamped;
    private readonly Scalar beta1;
    private readonly Scalar oneMinusBeta1;
    private readonly Scalar beta2;
    private readonly Scalar oneMinusBeta2;
    private readonly Scalar eps;
    private readonly Scalar alpha;
    private readonly Scalar oneMinusAlpha;
    private Scalar decoupled;
    private int step;

    public TorchOptimizer(IEnumerable<(string Name, Parameter Parameter)> parameters, double learningRate, Optimizer optimizer)
    {
        this.parameters = [.. parameters.Select(p => p.Parameter)];
        o = optimizer;
        lr = learningRate;
        states = [.. this.parameters.Select(_ => new State())];
        one = Own(1.0);
        minusOne = Own(-1.0);
        minusLr = Own(-learningRate);
        weightDecay = Own(optimizer.WeightDecay);
        momentum = Own(optimizer.Momentum);
        undamped = Own(1 - optimizer.Dampening);
        beta1 = Own(optimizer.Beta1);
        oneMinusBeta1 = Own(1 - optimizer.Beta1);
        beta2 = Own(optimizer.Beta2);
        oneMinusBeta2 = Own(1 - optimizer.Beta2);
        eps = Own(optimizer.Eps);
        alpha = Own(optimizer.Alpha);
        oneMinusAlpha = Own(1 - optimizer.Alpha);
        decoupled = Own(1 - (learningRate * optimizer.WeightDecay));
    }

    /// <summary>
    /// The rate of the next steps, as a scheduler sets the group's <c>lr</c> between epochs; the coefficients made from
    /// it are made anew (the old ones stay owned until disposal: a schedule changes the rate a few times a run).
    /// </summary>
    public double LearningRate
    {
        get => lr;
        set
        {
            if (value == lr)
            {
                return;
            }

            lr = value;
            minusLr = Own(-value);
            decoupled = Own(1 - (value * o.WeightDecay));
        }
    }

    /// <summary>Clears every parameter's gradient, as <c>optimizer.zero_grad()</c> (set to None).</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in parameters)
        {
            parameter.grad = null;
        }
    }

    /// <summary>One update from the gradients autograd left on the parameters.</summary>
    public void Step()
    {
        step++;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].grad is not { } grad)
            {
                continue;
            }

            switch (o.Kind)
            {
                case OptimizerKind.Sgd:
                    Sgd(parameters[i], grad, states[i]);
                    break;
                case OptimizerKind.RmsProp:
                    RmsProp(parameters[i], grad, states[i]);
                    break;
                default:
                    Adam(parameters[i], grad, states[i]);
                    break;
            }
        }
    }

    public void Dispose()
    {
        foreach (var state in states)
        {
            state.Dispose();
        }

        foreach (var scalar in owned)
        {
            scalar.Dispose();
        }
    }

    // d = g + λp; with momentum the buffer starts as a copy of the first d, then b = μb + (1 − dampening)d; Nesterov
    // steps along d + μb; p += −lr·(that).
    private void Sgd(Parameter p, Tensor grad, State state)
    {
        var d = o.WeightDecay != 0 ? grad.add(p, weightDecay) : grad;
        if (o.Momentum != 0)
        {
            if (state.First is not { } buffer)
            {
                state.First = d.clone().detach().DetachFromDisposeScope();
            }
            else
            {
                buffer.mul_(momentum).add_(d, undamped);
            }

            d = o.Nesterov ? d.add(state.First, momentum) : state.First;
        }

        p.add_(d, minusLr);
    }

    // AdamW first decays p ← p·(1 − lr·λ); Adam adds λp to the gradient. Then m = β1·m + (1 − β1)·g,
    // v = β2·v + (1 − β2)·g², denom = √v / √(1 − β2ᵗ) + ε (AMSGrad: the running maximum of v), p += −lr/(1 − β1ᵗ)·m/denom.
    private void Adam(Parameter p, Tensor grad, State state)
    {
        if (o.Kind == OptimizerKind.AdamW)
        {
            p.mul_(decoupled);
        }
        else if (o.WeightDecay != 0)
        {
            grad = grad.add(p, weightDecay);
        }

        var m = state.First ??= zeros_like(p).DetachFromDisposeScope();
        var v = state.Second ??= zeros_like(p).DetachFromDisposeScope();
        m.mul_(beta1).add_(grad, oneMinusBeta1);
        v.mul_(beta2).addcmul_(grad, grad, oneMinusBeta2);
        if (o.Amsgrad)
        {
            var previous = state.Third ?? zeros_like(p);
            state.Third = maximum(previous, v).DetachFromDisposeScope();
            previous.Dispose();
        }

        using var correction2 = Math.Sqrt(1 - Math.Pow(o.Beta2, step)).ToScalar();
        using var stepSize = (-(lr / (1 - Math.Pow(o.Beta1, step)))).ToScalar();
        var denom = (o.Amsgrad ? state.Third! : v).sqrt().div_(correction2).add_(eps, one); // add_(eps) alone would make a temporary Scalar of 1
        p.addcdiv_(m, denom, stepSize);
    }

    // s = α·s + (1 − α)·g² (g with λp added); centered: a = α·a + (1 − α)·g and avg = √(s − a²) + ε, else √s + ε;
    // with momentum b = μb + g/avg and p += −lr·b, else p += −lr·g/avg.
    private void RmsProp(Parameter p, Tensor grad, State state)
    {
        if (o.WeightDecay != 0)
        {
            grad = grad.add(p, weightDecay);
        }

        var square = state.First ??= zeros_like(p).DetachFromDisposeScope();
        square.mul_(alpha).addcmul_(grad, grad, oneMinusAlpha);
        Tensor avg;
        if (o.Centered)
        {
            var mean = state.Second ??= zeros_like(p).DetachFromDisposeScope();
            mean.mul_(alpha).add_(grad, oneMinusAlpha);
            avg = square.addcmul(mean, mean, minusOne).sqrt_().add_(eps, one);
        }
        else
        {
            avg = square.sqrt().add_(eps, one);
        }

        if (o.Momentum > 0)
        {
            var buffer = state.Third ??= zeros_like(p).DetachFromDisposeScope();
            buffer.mul_(momentum).addcdiv_(grad, avg, one);
            p.add_(buffer, minusLr);
        }
        else
        {
            p.addcdiv_(grad, avg, minusLr);
        }
    }

    private Scalar Own(double value)
    {
        var scalar = value.ToScalar();
        owned.Add(scalar);
        return scalar;
    }

    // Each parameter's state: SGD's momentum buffer; Adam's m, v and AMSGrad's maximum; RMSprop's mean square, mean and
    // momentum buffer. Created on first use, as torch.optim creates it.
    private sealed class State : IDisposable
    {
        public Tensor? First { get; set; }

        public Tensor? Second { get; set; }

        public Tensor? Third { get; set; }

        public void Dispose()
        {
            First?.Dispose();
            Second?.Dispose();
            Third?.Dispose();
        }
    }
}
