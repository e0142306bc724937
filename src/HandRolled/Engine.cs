namespace Parity.HandRolled;

/// <summary>Which implementation of the same maths trains.</summary>
public enum Engine
{
    /// <summary>
    /// Preallocated buffers and fused loops (<c>Fast/FastMlp</c>): no allocation per step, the readable engine's
    /// numbers bit for bit where products stay in managed code, large products on <see cref="Blas.Default"/>.
    /// </summary>
    Fast,

    /// <summary>The numpy-style MathNet code (<c>Mlp</c>), the reference the fast engine is tested against.</summary>
    Readable,
}
