namespace Parity.Harness.Scenarios;

/// <summary>
/// Windows' reserved device names. A file named <c>CON</c>, or <c>CON.anything</c>, cannot be created there, so a
/// checkout with one fails: scenario, fixture and snapshot names are refused on every system.
/// </summary>
internal static class DeviceNames
{
    private static readonly HashSet<string> Reserved = new(
        ["CON", "PRN", "AUX", "NUL",
         "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
         "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The device name a file name would open (its part before the first '.'), or null.</summary>
    public static string? In(string fileName)
    {
        var stem = fileName.Split('.')[0];
        return Reserved.Contains(stem) ? stem : null;
    }
}
