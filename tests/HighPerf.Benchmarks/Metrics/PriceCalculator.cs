using HighPerf;

namespace HighPerf.Benchmarks.Metrics;

/// <summary>The method under measurement, tracked by the generator and in an untracked twin.</summary>
public sealed partial class PriceCalculator
{
    private readonly decimal[] _lines = Enumerable.Range(1, 16).Select(i => i * 1.25m).ToArray();

    [TrackPerformance]
    public partial decimal Quote(decimal discount);

    private decimal QuoteCore(decimal discount) => QuoteUntracked(discount);

    [TrackPerformance]
    public partial ValueTask<decimal> QuoteAsync(decimal discount);

    private ValueTask<decimal> QuoteAsyncCore(decimal discount) => new(QuoteUntracked(discount));

    public decimal QuoteUntracked(decimal discount)
    {
        decimal total = 0;
        foreach (decimal line in _lines)
        {
            total += line;
        }

        return total * (1 - discount);
    }
}
