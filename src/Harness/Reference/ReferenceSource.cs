namespace Parity.Harness.Reference;

/// <summary>Where the PyTorch side of a comparison comes from.</summary>
public enum ReferenceMode
{
    /// <summary>Live PyTorch when a Python with torch is found, else the committed fixtures.</summary>
    Auto,

    /// <summary>Live PyTorch, through the worker; an error when it is unavailable.</summary>
    Live,

    /// <summary>The committed fixtures: nothing needs Python.</summary>
    Fixtures,
}
