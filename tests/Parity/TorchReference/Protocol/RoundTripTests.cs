using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Parity.Tests.Support;
using Parity.TorchReference.Protocol;

namespace Parity.Tests.TorchReference.Protocol;

public sealed class RoundTripTests
{
    [FsCheck.NUnit.Property(Arbitrary = [typeof(HardDoubles)], MaxTest = 1000)]
    public Property Format_AnyDouble_ParsesBackBitForBit(double value)
    {
        // As the fixture CSVs read it (CsvRow.Number).
        var text = RoundTrip.Format(value);
        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var read);

        return (parsed && BitConverter.DoubleToInt64Bits(read) == BitConverter.DoubleToInt64Bits(value))
            .Label($"{value:G17} formatted as {text}, read {read:G17}");
    }
}
