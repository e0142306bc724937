using MathNet.Numerics.Random;

namespace Parity.HandRolled.Init;

/// <summary>
/// numpy's legacy generator: <c>np.random.seed(s)</c> then <c>np.random.random()</c>. Both are MT19937 seeded
/// with init_genrand(s); numpy builds each double from two 32-bit words with 53 bits of resolution
/// (<c>((a &gt;&gt; 5)·2^26 + (b &gt;&gt; 6)) / 2^53</c>), where MathNet's NextDouble uses one word.
/// </summary>
internal sealed class NumpyRandom
{
    private const double TwoTo32 = 4294967296.0;
    private readonly MersenneTwister twister;

    public NumpyRandom(int seed) => twister = new MersenneTwister(seed, threadSafe: false);

    /// <summary><c>np.random.random()</c>: uniform on [0, 1).</summary>
    public double NextDouble()
    {
        var a = NextWord() >> 5;
        var b = NextWord() >> 6;
        return ((a * 67108864.0) + b) / 9007199254740992.0;
    }

    /// <summary><c>np.random.uniform(low, high)</c>: <c>low + (high − low)·random()</c>.</summary>
    public double NextUniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>
    /// <c>RandomState.permutation(n)</c>: <c>arange(n)</c> shuffled by Fisher–Yates from the end, each swap partner drawn
    /// as numpy's <c>random_interval(i)</c> does: a 32-bit word masked to the bits of i, redrawn while above i.
    /// </summary>
    public int[] Permutation(int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = n - 1; i >= 1; i--)
        {
            var mask = (uint)i;
            mask |= mask >> 1;
            mask |= mask >> 2;
            mask |= mask >> 4;
            mask |= mask >> 8;
            mask |= mask >> 16;
            uint j;
            while ((j = NextWord() & mask) > (uint)i)
            {
            }

            (order[i], order[(int)j]) = (order[(int)j], order[i]);
        }

        return order;
    }

    // MathNet's NextDouble is word·2^−32 exactly, so multiplying back recovers the raw MT19937 word.
    private uint NextWord() => (uint)(twister.NextDouble() * TwoTo32);
}
