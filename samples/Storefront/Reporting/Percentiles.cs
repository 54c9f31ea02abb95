namespace Storefront.Reporting;

/// <summary>Percentiles over exact recorded values (the sample keeps every duration; an exporter would use buckets).</summary>
public static class Percentiles
{
    /// <summary>The nearest-rank percentile of <paramref name="sorted"/> (ascending); NaN when it is empty.</summary>
    /// <param name="percentile">Between 0 (exclusive) and 100 (inclusive).</param>
    public static double NearestRank(double[] sorted, double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
