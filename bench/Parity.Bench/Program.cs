using BenchmarkDotNet.Running;

namespace Parity.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Parity.Bench -- --filter '*' --job short</c>: the hand-rolled engines on
/// the seed's XOR network and on a realistic MLP. PyTorch's side of the comparison is <c>parity bench</c>.
/// </summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
