using NUnit.Framework;
using Parity.HandRolled;
using Parity.HandRolled.Init;
using Parity.HandRolled.Model;
using Parity.Tests.HandRolled.Fast;
using Parity.Tests.Support;

namespace Parity.Tests.HandRolled;

public sealed class BlasTests
{
    [Test]
    public void Select_Managed_IsManagedEvenWithNativeBlas() =>
        Assert.That(Blas.Select("managed", () => throw new AssertionException("native should not be asked")), Is.SameAs(Blas.Managed));

    [Test]
    public void Select_NoNativeBlas_FallsBackToManaged() =>
        Assert.That(Blas.Select(null, () => null), Is.SameAs(Blas.Managed));

    [Test]
    public void TryLoad_MissingLibrary_IsNull() =>
        Assert.That(NativeBlas.TryLoad(["libparity-no-such-blas.so.0"]), Is.Null);

    [Test]
    public void TryLoad_LibraryWithoutCblas_SkipsIt()
    {
        // libm loads but exports no gemm: the loader goes on to the next candidate.
        var blas = NativeBlas.TryLoad(["libm.so.6", "libparity-no-such-blas.so.0"]);

        Assert.That(blas, Is.Null);
    }

    [Test]
    public void Active_NamesTheDefault()
    {
        Assert.That(Blas.Active, Is.EqualTo(Blas.Default.Name));
        Assert.That(Blas.Default, Is.SameAs(Blas.System ?? Blas.Managed).Or.SameAs(Blas.Managed));
    }

    [Test]
    public void System_OnDebianWithOpenBlas_IsOpenBlas()
    {
        Requires.NativeBlasLoads();
        Assume.That(File.Exists("/usr/lib/x86_64-linux-gnu/libopenblas.so.0") || File.Exists("/lib/x86_64-linux-gnu/libopenblas.so.0"), "the native BLAS here is not OpenBLAS");

        Assert.That(Blas.System?.Name, Is.EqualTo("OpenBLAS (libopenblas.so.0)"));
    }

    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public void Multiply_Native_MatchesManagedWithinRounding(bool transposeA, bool transposeB)
    {
        var native = RequireNative();
        const int M = 37, K = 29, N = 23;
        var random = new Random(11);
        var (rowsA, columnsA) = transposeA ? (K, M) : (M, K);
        var (rowsB, columnsB) = transposeB ? (N, K) : (K, N);
        var a = Enumerable.Range(0, rowsA * columnsA).Select(_ => random.NextDouble() - 0.5).ToArray();
        var b = Enumerable.Range(0, rowsB * columnsB).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] expected = new double[M * N], actual = new double[M * N];
        float[] expected32 = new float[M * N], actual32 = new float[M * N];
        var a32 = a.Select(v => (float)v).ToArray();
        var b32 = b.Select(v => (float)v).ToArray();

        Blas.Managed.Multiply(transposeA, transposeB, a, rowsA, columnsA, b, rowsB, columnsB, expected);
        native.Multiply(transposeA, transposeB, a, rowsA, columnsA, b, rowsB, columnsB, actual);
        Blas.Managed.Multiply(transposeA, transposeB, a32, rowsA, columnsA, b32, rowsB, columnsB, expected32);
        native.Multiply(transposeA, transposeB, a32, rowsA, columnsA, b32, rowsB, columnsB, actual32);

        // 29 products of |x| ≤ 0.25 summed in another order (blocked, FMA): a few ulps of the sum's magnitude
        // (≤ ~7), so 1e-13 absolute in float64 and 1e-5 in float32 (ε 6e-8 · 29 terms · 7) with headroom; a wrong
        // transpose or leading dimension moves entries by O(1).
        Close.Assert(actual, expected, rtol: 0, atol: 1e-13, "native dgemm against managed");
        Close.Assert(actual32.Select(v => (double)v).ToArray(), expected32.Select(v => (double)v).ToArray(), rtol: 0, atol: 1e-5, "native sgemm against managed");
    }

    [TestCase(DType.Float64, 1e-12)]
    [TestCase(DType.Float32, 1e-4)]
    public void Train_WideNetworkOnNativeBlas_WithinRoundingOfManaged(DType dtype, double rtol)
    {
        var native = RequireNative();
        var (network, data) = FastMlpTests.Wide(inputs: 64, hidden: 48, outputs: 10, rows: 64);
        var options = new TrainingOptions(30, 0.5, Loss.Mse, dtype);
        var initial = Initializers.Glorot(network, seed: 2, gain: 1);

        var managed = Trainer.Train(network, options, initial, data, Engine.Fast, Blas.Managed);
        var onNative = Trainer.Train(network, options, initial, data, Engine.Fast, native);

        // Only the summation order of the large products differs: float64 stays within ~1e-15 per step, float32
        // within ~1e-6; 30 steps of a contracting sigmoid network do not amplify that past 1e-12 / 1e-4, while
        // a wrong product changes the losses at the first digits.
        Close.Assert(onNative.Losses, managed.Losses, rtol, atol: 0, $"{dtype} losses on native BLAS against managed");
        Close.AssertTensors(onNative.FinalParameters, managed.FinalParameters, rtol, atol: rtol, $"{dtype} final parameters");
    }

    private static Blas RequireNative()
    {
        Requires.NativeBlasLoads();
        return Blas.System!;
    }
}
