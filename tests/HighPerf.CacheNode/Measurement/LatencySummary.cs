using System.Globalization;

namespace HighPerf.CacheNode.Measurement;

/// <summary>Nearest-rank percentiles of a set of latencies, in milliseconds.</summary>
public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        double[] sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No latencies were recorded.", nameof(milliseconds));
        }

        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, Percentile(0.50), Percentile(0.95), Percentile(0.99), sorted[^1]);
    }

    public string ToCells() => string.Create(CultureInfo.InvariantCulture, $"{Count} | {P50:F2} | {P95:F2} | {P99:F2} | {Max:F2}");
}
