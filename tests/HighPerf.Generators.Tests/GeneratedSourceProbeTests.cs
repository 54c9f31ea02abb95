using HighPerf.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace HighPerf.Generators.Tests;

public class GeneratedSourceProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        var run = TestCompilation.Run("""
            using System.Threading;
            using System.Threading.Tasks;
            using HighPerf;
            using Microsoft.Extensions.Logging;
            namespace Shop;
            public sealed record Order(long Id);
            public sealed partial class OrderService(ILogger<OrderService> logger)
            {
                [TrackPerformance(SlowThresholdMilliseconds = 250)]
                public partial ValueTask<Order?> GetOrderAsync(long id, CancellationToken ct = default);
                private async ValueTask<Order?> GetOrderAsyncCore(long id, CancellationToken ct) { await Task.Yield(); return new Order(id); }

                [TrackPerformance]
                public static partial int Add(int a, int b);
                private static int AddCore(int a, int b) => a + b;

                [TrackPerformance]
                public partial Task SaveAsync(Order order);
                private Task SaveAsyncCore(Order order) => Task.CompletedTask;
            }
            """);
        foreach (var (hint, source) in run.GeneratedSources) output.WriteLine("// " + hint + "\n" + source);
        run.AssertNoCompilationErrors();
    }
}
