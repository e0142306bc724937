namespace Parity.HandRolled.Model;

/// <summary>How an epoch is split into updates.</summary>
public enum BatchMode
{
    /// <summary>One update per epoch, on all N samples.</summary>
    Full,

    /// <summary>One update per sample, in data order.</summary>
    PerSample,
}
