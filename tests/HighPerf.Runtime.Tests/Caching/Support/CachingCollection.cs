using Xunit;
namespace HighPerf.Runtime.Tests.Caching.Support;

/// <summary>
/// Every test that uses <c>CachedMethod</c> or <c>HighPerfCaching</c> joins this collection: they share the
/// process-wide <c>HighPerfCaching.Current</c> (clock, L2, backplane), so they must not run in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CachingCollection
{
    public const string Name = "HighPerfCaching.Current";
}
