namespace Parity.Harness.Scenarios;

/// <summary>
/// Where initial parameters come from: <c>torch</c> (PyTorch's default init after <c>torch.manual_seed(Seed)</c>,
/// from live PyTorch or the fixture), <c>uniform01</c> (numpy's <c>np.random.random</c> after
/// <c>np.random.seed(Seed)</c>), <c>glorot</c> (numpy-drawn Glorot uniform with <see cref="Gain"/>) or <c>file</c>
/// (a JSON list of parameters in the contract's layout at <see cref="Path"/>: written relative to the scenario file,
/// held here as the absolute path the loader resolved and checked).
/// A side with bias whose source draws none (a bias-free shared network) starts its biases at zero.
/// </summary>
public sealed record InitSpec(InitSource From, int Seed = 0, double Gain = 1.0, string? Path = null);

/// <summary>The kinds of <see cref="InitSpec"/>.</summary>
public enum InitSource
{
    /// <summary>PyTorch's default initialisation after <c>torch.manual_seed(seed)</c>.</summary>
    Torch,

    /// <summary>numpy's <c>np.random.random</c>, uniform on [0, 1).</summary>
    Uniform01,

    /// <summary>numpy-drawn Glorot uniform with a gain; biases zero.</summary>
    Glorot,

    /// <summary>Explicit parameters from a JSON file.</summary>
    File,
}
