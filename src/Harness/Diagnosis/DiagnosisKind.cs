namespace Parity.Harness.Diagnosis;

/// <summary>Why two training runs part, as the verdict contract names it.</summary>
public enum DiagnosisKind
{
    /// <summary>Parity: nothing to explain.</summary>
    None,

    /// <summary>Every parameter trajectory matches; the logged losses do not: the logged value is not true MSE.</summary>
    LossLogging,

    /// <summary>Every update is the reference's times one constant factor c ≠ 1.</summary>
    LearningRateScale,

    /// <summary>The loss of epoch 0 already differs: parameters, their layout, bias or activations.</summary>
    InitialForward,

    /// <summary>The gradients differ beyond a constant factor: a wrong derivative or delta.</summary>
    Gradient,

    /// <summary>The first recorded steps agree, the curves part later: precision or chaotic amplification.</summary>
    LateDivergence,

    /// <summary>A NaN or infinity appeared.</summary>
    NonFinite,

    /// <summary>The gradients are right, the update is not, and not by one constant factor: the optimiser's rule differs.</summary>
    Optimizer,
}
