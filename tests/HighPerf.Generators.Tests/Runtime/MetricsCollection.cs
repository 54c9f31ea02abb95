namespace HighPerf.Generators.Tests.Runtime;

/// <summary>
/// Tests that watch the process-wide HighPerf meter or measure allocations run one at a time,
/// so another test's calls cannot disturb what they observe.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "HighPerf meter";
}
