namespace Parity.HandRolled.Model;

/// <summary>How an epoch is split into updates.</summary>
public enum BatchMode
{
    /// <summary>One update per epoch, on all N samples.</summary>
    Full,

    /// <summary>One update per sample, in data order.</summary>
    PerSample,

    /// <summary>Updates on batches of <see cref="MiniBatch.Size"/> rows, in data order or shuffled (<see cref="MiniBatch"/>).</summary>
    MiniBatch,
}
