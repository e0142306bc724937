using Parity.HandRolled.Model;

namespace Parity.HandRolled.Init;

/// <summary>
/// Initial parameters drawn the way the seed's numpy code draws them, returned in the contract's PyTorch layout.
/// numpy keeps a weight as (in, out) and draws it row-major; a layer's bias is drawn right after its weight.
/// </summary>
public static class Initializers
{
    /// <summary>
    /// <c>np.random.seed(seed)</c>, then <c>np.random.random((in, out))</c> per weight and
    /// <c>np.random.random(out)</c> per bias, layer by layer.
    /// </summary>
    public static IReadOnlyList<NamedTensor> Uniform01(NetworkSpec network, int seed)
    {
        var random = new NumpyRandom(seed);
        return Draw(network, (_, _) => random.NextDouble(), biasFromRandom: true);
    }

    /// <summary>
    /// Glorot (Xavier) uniform with a gain: <c>np.random.uniform(−g·√(6/(in+out)), +g·√(6/(in+out)), (in, out))</c>
    /// per weight, layer by layer after <c>np.random.seed(seed)</c>; biases start at zero, as in Keras.
    /// </summary>
    public static IReadOnlyList<NamedTensor> Glorot(NetworkSpec network, int seed, double gain)
    {
        var random = new NumpyRandom(seed);
        return Draw(
            network,
            (fanIn, fanOut) =>
            {
                var limit = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
                return random.NextUniform(-limit, limit);
            },
            biasFromRandom: false);
    }

    private static List<NamedTensor> Draw(NetworkSpec network, Func<int, int, double> next, bool biasFromRandom)
    {
        var parameters = new List<NamedTensor>();
        for (var l = 0; l < network.Depth; l++)
        {
            int fanIn = network.Layers[l], fanOut = network.Layers[l + 1];

            // numpy layout (in, out), drawn row-major, stored transposed as PyTorch's (out, in).
            var weight = new double[fanOut * fanIn];
            for (var i = 0; i < fanIn; i++)
            {
                for (var o = 0; o < fanOut; o++)
                {
                    weight[(o * fanIn) + i] = next(fanIn, fanOut);
                }
            }

            parameters.Add(new NamedTensor($"{l}.weight", [fanOut, fanIn], weight));
            if (network.Bias)
            {
                var bias = new double[fanOut];
                for (var o = 0; o < fanOut && biasFromRandom; o++)
                {
                    bias[o] = next(fanIn, fanOut);
                }

                parameters.Add(new NamedTensor($"{l}.bias", [fanOut], bias));
            }
        }

        return parameters;
    }
}
