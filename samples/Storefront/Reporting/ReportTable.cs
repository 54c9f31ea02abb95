using System.Globalization;

namespace Storefront.Reporting;

/// <summary>Prints one row per tracked method: calls by outcome, latency percentiles and slow-call log count.</summary>
public static class ReportTable
{
    private static readonly string[] Headers = ["Method", "Calls", "Errors", "Canceled", "p50 ms", "p95 ms", "Max ms", "Peak active", "Slow logs"];

    /// <param name="namespacePrefix">Left out of method names to keep the table narrow, e.g. <c>Storefront.Services.</c></param>
    public static void Write(TextWriter output, IReadOnlyList<MethodStatistics> methods, SlowCallLogCounter slowCalls, string namespacePrefix)
    {
        var rows = new List<string[]> { Headers };
        foreach (MethodStatistics method in methods)
        {
            double[] durations = method.SortedDurations();
            rows.Add(
            [
                DisplayName(method, namespacePrefix),
                Count(method.Calls),
                Count(method.Failed),
                Count(method.Canceled),
                Milliseconds(Percentiles.NearestRank(durations, 50)),
                Milliseconds(Percentiles.NearestRank(durations, 95)),
                Milliseconds(durations.Length == 0 ? double.NaN : durations[^1]),
                Count(method.PeakActive),
                Count(slowCalls.CountFor(method.MethodName)),
            ]);
        }

        int[] widths = Enumerable.Range(0, Headers.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (string[] row in rows)
        {
            output.WriteLine(FormatRow(row, widths));
            if (ReferenceEquals(row, Headers))
            {
                output.WriteLine(string.Join("  ", widths.Select(width => new string('-', width))));
            }
        }

        foreach (MethodStatistics method in methods)
        {
            foreach ((string errorType, long count) in method.ErrorTypeCounts())
            {
                output.WriteLine($"{DisplayName(method, namespacePrefix)} errors: {Count(count)} x {errorType}");
            }
        }
    }

    private static string DisplayName(MethodStatistics method, string namespacePrefix) =>
        method.MethodName.StartsWith(namespacePrefix, StringComparison.Ordinal)
            ? method.MethodName[namespacePrefix.Length..]
            : method.MethodName;

    private static string FormatRow(string[] row, int[] widths) =>
        string.Join("  ", row.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column])));

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Milliseconds(double value) =>
        double.IsNaN(value) ? "-" : value.ToString("F3", CultureInfo.InvariantCulture);
}
