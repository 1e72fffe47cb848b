using System.Globalization;

namespace Parasol.Bench;

/// <summary>Nearest-rank percentiles of a set of timings in milliseconds.</summary>
public sealed class Percentiles(IEnumerable<double> values)
{
    private readonly double[] _sorted = [.. values.Order()];

    public int Count => _sorted.Length;

    public double Max => _sorted[^1];

    public double At(double percent) =>
        _sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public static string Ms(double value) => value.ToString(value < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + " ms";
}
