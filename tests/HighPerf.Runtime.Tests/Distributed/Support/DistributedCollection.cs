using Xunit;
namespace HighPerf.Runtime.Tests.Distributed.Support;

/// <summary>
/// Distributed tests read process-wide meters and install the process-wide cache environment: they run alone,
/// after the parallel collections, so other tests neither add to their counters nor see their environment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DistributedCollection
{
    public const string Name = "Distributed";
}
