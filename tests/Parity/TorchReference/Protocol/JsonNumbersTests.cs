using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Parity.Tests.Support;
using Parity.TorchReference.Protocol;

namespace Parity.Tests.TorchReference.Protocol;

public sealed class JsonNumbersTests
{
    [FsCheck.NUnit.Property(Arbitrary = [typeof(HardDoubles)], MaxTest = 1000)]
    public Property Read_AnyDoubleWrittenByWrite_IsTheSameBitForBit(double value)
    {
        var read = ReadBack(value);

        return (BitConverter.DoubleToInt64Bits(read) == BitConverter.DoubleToInt64Bits(value))
            .Label($"wrote {value:G17} as {JsonNumbers.Write(value).ToJsonString()}, read {read:G17}");
    }

    [TestCase(2.9802322387695312E-08)] // 2^−25: the runtime's shortest form is one digit short
    [TestCase(4.1045368012983762E-289)] // 2^−958: likewise
    [TestCase(-0.0)]
    [TestCase(double.Epsilon)]
    [TestCase(double.MaxValue)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    [TestCase(double.NaN)]
    public void Read_EdgeValueWrittenByWrite_IsTheSameBitForBit(double value) =>
        Assert.That(BitConverter.DoubleToInt64Bits(ReadBack(value)), Is.EqualTo(BitConverter.DoubleToInt64Bits(value)));

    [Test]
    public void Read_NaNWithAPayload_IsTheOneNaN()
    {
        // The contract has one NaN, "NaN": a payload or sign is not carried, which is why the properties draw
        // only double.NaN.
        var payload = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0001);

        Assert.That(BitConverter.DoubleToInt64Bits(ReadBack(payload)), Is.EqualTo(BitConverter.DoubleToInt64Bits(double.NaN)));
    }

    private static double ReadBack(double value)
    {
        using var document = JsonDocument.Parse(JsonNumbers.Write(value).ToJsonString());
        return JsonNumbers.Read(document.RootElement, "$");
    }
}
