namespace Parity.Harness.Scenarios;

/// <summary>What a scenario's targets are, as the losses of both sides take them.</summary>
internal enum TargetForm
{
    /// <summary>One value per output: the regression losses and BCE. N rows of <c>layers[last]</c> numbers.</summary>
    Values,

    /// <summary>One class index 0…C−1 per sample, C the output width: cross-entropy and NLL. N rows of one whole number.</summary>
    ClassIndices,
}
