using HighPerf.CacheNode;
using HighPerf.CacheNode.Measurement;
using Xunit;

namespace HighPerf.Runtime.Tests.Distributed;

/// <summary>The arithmetic and argument parsing of `HighPerf.CacheNode measure`, whose figures the docs quote.</summary>
public sealed class MeasurementHarnessTests
{
    [Fact]
    public void LatenciesOneToAHundred_GiveNearestRankPercentiles()
    {
        var summary = LatencySummary.Of(Enumerable.Range(1, 100).Select(i => (double)(101 - i)));

        Assert.Equal(new LatencySummary(100, P50: 50, P95: 95, P99: 99, Max: 100), summary);
    }

    [Fact]
    public void SingleLatency_IsEveryPercentile_AndNoLatencyIsRejected()
    {
        Assert.Equal(new LatencySummary(1, 7, 7, 7, 7), LatencySummary.Of([7.0]));
        Assert.Throws<ArgumentException>(() => LatencySummary.Of([]));
    }

    [Fact]
    public void NoArguments_MeanBothTransports_FiveHundredRounds_NoLoad()
    {
        Assert.True(MeasureOptions.TryParse([], out var options));

        Assert.Equal([NodeTransport.Postgres, NodeTransport.Redis], options.Transports);
        Assert.Equal((MeasureOptions.DefaultRounds, 0, 0), (options.Rounds, options.LoadThreads, options.PoolWorkItems));
    }

    [Fact]
    public void EveryOption_IsRead()
    {
        Assert.True(MeasureOptions.TryParse(["--transport", "redis", "--rounds", "50", "--load", "4", "--pool-load", "8"], out var options));

        Assert.Equal([NodeTransport.Redis], options.Transports);
        Assert.Equal((50, 4, 8), (options.Rounds, options.LoadThreads, options.PoolWorkItems));
    }

    [Theory]
    [InlineData("--transport", "mysql")]
    [InlineData("--rounds", "0")]
    [InlineData("--rounds", "-5")]
    [InlineData("--load", "many")]
    [InlineData("--unknown", "1")]
    [InlineData("--rounds")]
    public void UnknownOrInvalidArguments_AreRejected(params string[] args)
    {
        Assert.False(MeasureOptions.TryParse(args, out _));
    }

    [Theory]
    [InlineData(42L)]
    [InlineData(-5L)]
    public void FormattedNodeKey_ParsesBackToItsId(long id)
    {
        Assert.True(NodeKey.TryParse(NodeKey.Format(new NodeKey(id)), out long parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("42")]
    [InlineData("node:")]
    [InlineData("node:x")]
    public void KeyNotWrittenByNodeKeyFormat_DoesNotParse(string? formatted)
    {
        Assert.False(NodeKey.TryParse(formatted, out _));
    }
}
