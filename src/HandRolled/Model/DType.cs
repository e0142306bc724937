namespace Parity.HandRolled.Model;

/// <summary>The floating-point type a side computes in.</summary>
public enum DType
{
    /// <summary>IEEE 754 double.</summary>
    Float64,

    /// <summary>IEEE 754 single.</summary>
    Float32,
}
