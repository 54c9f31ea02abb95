using Xunit;
using HighPerf.Caching;

namespace HighPerf.Runtime.Tests.Caching.Support;

/// <summary>Installs a test environment (manual clock, optional fakes) for one test and restores the default after.</summary>
public sealed class CacheTestScope : IDisposable
{
    private readonly IDisposable _installation;

    public CacheTestScope(InMemoryCacheL2? l2 = null, InMemoryBackplane? backplane = null,
        Microsoft.Extensions.Logging.ILoggerFactory? loggers = null, HighPerf.Caching.Distributed.L2JsonSerializer? jsonFallback = null)
    {
        L2 = l2;
        Backplane = backplane;
        Environment = new CacheEnvironment
        {
            TimeProvider = Clock,
            L2 = l2,
            Backplane = backplane,
            NodeId = "node-under-test",
            LoggerFactory = loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            L2JsonFallback = jsonFallback ?? HighPerf.Caching.Distributed.L2JsonSerializer.Default,
        };
        _installation = HighPerfCaching.Install(Environment);
    }

    public ManualTimeProvider Clock { get; } = new();

    public CacheEnvironment Environment { get; }

    public InMemoryCacheL2? L2 { get; }

    public InMemoryBackplane? Backplane { get; }

    public static string UniqueMethodName(string name) => $"Tests.{name}.{Guid.NewGuid():N}";

    public void Dispose() => _installation.Dispose();
}
