using Parity.HandRolled.Model;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.TorchReference.TorchSharp;

/// <summary>
/// TorchSharp's own <c>torch.optim</c> classes with a side's hyperparameters. TorchSharp 0.107 implements each one's
/// step in C# with the operations of PyTorch 1.13's single-tensor <c>torch.optim</c> (the form PyTorch takes on the CPU
/// by default, <c>foreach</c> and <c>fused</c> off), in the same order; docs/contracts.md lists where PyTorch 2.x
/// computes differently.
/// </summary>
internal static class TorchOptimizer
{
    public static optim.Optimizer Create(IEnumerable<Parameter> parameters, double learningRate, Optimizer o) => o.Kind switch
    {
        OptimizerKind.Sgd => optim.SGD(parameters, learningRate, momentum: o.Momentum, dampening: o.Dampening, weight_decay: o.WeightDecay, nesterov: o.Nesterov),
        OptimizerKind.Adam => optim.Adam(parameters, learningRate, o.Beta1, o.Beta2, o.Eps, o.WeightDecay, o.Amsgrad),
        OptimizerKind.AdamW => optim.AdamW(parameters, learningRate, o.Beta1, o.Beta2, o.Eps, o.WeightDecay, o.Amsgrad),
        OptimizerKind.RmsProp => optim.RMSProp(parameters, learningRate, o.Alpha, o.Eps, o.WeightDecay, o.Momentum, o.Centered),
        _ => throw new ArgumentOutOfRangeException(nameof(o), o.Kind, null),
    };
}
