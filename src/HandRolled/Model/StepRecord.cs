namespace Parity.HandRolled.Model;

/// <summary>One update: the gradients of the side's own loss, and the parameters after the update.</summary>
/// <param name="Step">0-based update index (per-sample: counts every sample of every epoch).</param>
/// <param name="Gradients">∂loss/∂p of this update, before it.</param>
/// <param name="Parameters">The parameters after this update.</param>
public sealed record StepRecord(int Step, IReadOnlyList<NamedTensor> Gradients, IReadOnlyList<NamedTensor> Parameters);
