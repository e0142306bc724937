using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using Parity.HandRolled.Fast;
using Parity.HandRolled.Maths.ActivationFunctions;
using Parity.HandRolled.Maths.Lanes;
using Parity.HandRolled.Model;

namespace Parity.HandRolled.Maths;

/// <summary>
/// Each <see cref="Activation"/>'s forward and backward pass over (rows, columns) values stored column-major, as
/// MathNet stores a matrix: the one place both engines compute them (the formulas live in
/// <see cref="ActivationFunctions"/>), so the engines agree bit for bit by construction.
/// </summary>
internal static class Activations
{
    /// <summary>a = f(z); z, a: (rows, columns).</summary>
    public static void Forward<T>(Activation activation, ReadOnlySpan<T> z, Span<T> a, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        switch (activation)
        {
            case Activation.Sigmoid when typeof(T) == typeof(float):
                VectorSigmoid.Apply(MemoryMarshal.Cast<T, float>(z), MemoryMarshal.Cast<T, float>(a));
                break;
            case Activation.Sigmoid:
                LaneLoop.RunOneByOne<Forwarding<Sigmoid, T>, T>(new(z, a), z.Length);
                break;
            case Activation.Tanh:
                LaneLoop.RunOneByOne<Forwarding<Tanh, T>, T>(new(z, a), z.Length);
                break;
            case Activation.Relu:
                LaneLoop.Run<Forwarding<Relu, T>, T>(new(z, a), z.Length);
                break;
            case Activation.Selu:
                LaneLoop.RunOneByOne<Forwarding<Selu, T>, T>(new(z, a), z.Length);
                break;
            case Activation.Identity:
                LaneLoop.Run<Forwarding<Identity, T>, T>(new(z, a), z.Length);
                break;
            case Activation.Softmax:
                Softmax.Forward(z, a, rows);
                break;
            case Activation.LogSoftmax:
                LogSoftmax.Forward(z, a, rows);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
    }

    /// <summary>
    /// delta ← ∂loss/∂z from delta = ∂loss/∂a: delta ∘ f′(z) element by element, or the row's vector-Jacobian product
    /// for softmax and log-softmax. z and a = f(z) are the forward pass's; all (rows, columns).
    /// </summary>
    public static void Backward<T>(Activation activation, Span<T> delta, ReadOnlySpan<T> z, ReadOnlySpan<T> a, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        switch (activation)
        {
            case Activation.Sigmoid:
                LaneLoop.Run<Chaining<Sigmoid, T>, T>(new(delta, z, a), delta.Length);
                break;
            case Activation.Tanh:
                LaneLoop.Run<Chaining<Tanh, T>, T>(new(delta, z, a), delta.Length);
                break;
            case Activation.Relu:
                LaneLoop.Run<Chaining<Relu, T>, T>(new(delta, z, a), delta.Length);
                break;
            case Activation.Selu:
                LaneLoop.RunOneByOne<Chaining<Selu, T>, T>(new(delta, z, a), delta.Length);
                break;
            case Activation.Identity:
                LaneLoop.Run<Chaining<Identity, T>, T>(new(delta, z, a), delta.Length);
                break;
            case Activation.Softmax:
                Softmax.Backward(delta, a, rows);
                break;
            case Activation.LogSoftmax:
                LogSoftmax.Backward(delta, a, rows);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
    }

    /// <summary>Whether f couples the values of a row (softmax, log-softmax): a network's last layer only.</summary>
    public static bool IsRowWise(this Activation activation) => activation is Activation.Softmax or Activation.LogSoftmax;

    /// <summary>The readable engine's a = f(z): z (batch, out) → a new (batch, out) matrix.</summary>
    public static Matrix<T> Apply<T>(Activation activation, Matrix<T> z)
        where T : struct, IFloatingPointIeee754<T>
    {
        var a = Matrix<T>.Build.Dense(z.RowCount, z.ColumnCount);
        Forward(activation, Storage.Of(z), a.AsColumnMajorArray(), z.RowCount);
        return a;
    }

    /// <summary>The readable engine's ∂loss/∂z = ∂loss/∂a ∘ f′(z) (the vector-Jacobian product for row-wise f), as a new matrix.</summary>
    public static Matrix<T> Backward<T>(Activation activation, Matrix<T> upstream, Matrix<T> z, Matrix<T> a)
        where T : struct, IFloatingPointIeee754<T>
    {
        var delta = upstream.Clone();
        Backward(activation, delta.AsColumnMajorArray(), Storage.Of(z), Storage.Of(a), z.RowCount);
        return delta;
    }

    // a = f(z) on each lane.
    private readonly ref struct Forwarding<TFunction, T>(ReadOnlySpan<T> z, Span<T> a) : ILaneKernel<T>
        where TFunction : IElementwiseActivation
        where T : struct, IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> z = z;
        private readonly Span<T> a = a;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void At<TLanes>(int index)
            where TLanes : struct, ILanes<TLanes, T> =>
            TFunction.Apply<TLanes, T>(TLanes.Load(z, index)).Store(a, index);
    }

    // delta ∘= f′(z, a) on each lane: the chain rule through an element-wise f.
    private readonly ref struct Chaining<TFunction, T>(Span<T> delta, ReadOnlySpan<T> z, ReadOnlySpan<T> a) : ILaneKernel<T>
        where TFunction : IElementwiseActivation
        where T : struct, IFloatingPointIeee754<T>
    {
        private readonly Span<T> delta = delta;
        private readonly ReadOnlySpan<T> z = z;
        private readonly ReadOnlySpan<T> a = a;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void At<TLanes>(int index)
            where TLanes : struct, ILanes<TLanes, T> =>
            (TLanes.Load(delta, index) * TFunction.Derivative<TLanes, T>(TLanes.Load(z, index), TLanes.Load(a, index))).Store(delta, index);
    }
}
