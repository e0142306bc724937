using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Parity.HandRolled.Maths;

/// <summary>A MathNet matrix's values as the column-major array the span functions read.</summary>
internal static class Storage
{
    /// <summary>The matrix's own array when it is dense (every matrix the readable engine makes), else a copy.</summary>
    public static T[] Of<T>(Matrix<T> matrix)
        where T : struct, IFloatingPointIeee754<T> => matrix.AsColumnMajorArray() ?? matrix.ToColumnMajorArray();
}
