using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled.Model;

namespace Parity.HandRolled.Maths;

/// <summary>Activations and their derivatives, element-wise, computed as PyTorch's CPU kernels do.</summary>
internal static class Activations
{
    // torch.nn.SELU's constants.
    private const double SeluAlpha = 1.6732632423543772848170429916717;
    private const double SeluScale = 1.0507009873554804934193349852946;

    /// <summary>a = f(z), element-wise; z: (batch, out) → (batch, out).</summary>
    public static Matrix<T> Apply<T>(Activation activation, Matrix<T> z)
        where T : struct, IFloatingPointIeee754<T> => activation switch
        {
            Activation.Sigmoid => z.Map(x => T.One / (T.One + Exponential.Exp(-x))),
            Activation.Tanh => z.Map(T.Tanh),
            Activation.Relu => z.Map(x => x > T.Zero ? x : T.Zero),
            Activation.Selu => z.Map(Selu),
            Activation.Identity => z.Clone(),
            _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
        };

    /// <summary>f'(z) element-wise, from the pre-activation z and the output a = f(z).</summary>
    public static Matrix<T> Derivative<T>(Activation activation, Matrix<T> z, Matrix<T> a)
        where T : struct, IFloatingPointIeee754<T> => activation switch
        {
            Activation.Sigmoid => a.Map(y => (T.One - y) * y),
            Activation.Tanh => a.Map(y => T.One - (y * y)),
            Activation.Relu => a.Map(y => y > T.Zero ? T.One : T.Zero),
            Activation.Selu => z.Map(SeluDerivative),
            Activation.Identity => Matrix<T>.Build.Dense(z.RowCount, z.ColumnCount, T.One),
            _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
        };

    private static T Selu<T>(T x)
        where T : struct, IFloatingPointIeee754<T> =>
        x > T.Zero ? x * T.CreateChecked(SeluScale) : (Exponential.Exp(x) - T.One) * T.CreateChecked(SeluAlpha * SeluScale);

    private static T SeluDerivative<T>(T x)
        where T : struct, IFloatingPointIeee754<T> =>
        x > T.Zero ? T.CreateChecked(SeluScale) : T.CreateChecked(SeluAlpha * SeluScale) * Exponential.Exp(x);
}
