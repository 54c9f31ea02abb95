using HighPerf.Generators.Tests.Infrastructure;
using HighPerf.Testing.Snapshots;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Tests.Generator;

/// <summary>
/// Golden files of the generated source, one folder per scenario under Baselines/. Each scenario also keeps
/// a diagnostics file: what compiling the user code together with the generated code reports.
/// Accept changes with HIGHPERF_ACCEPT_SNAPSHOTS=1, then review the diff.
/// </summary>
public sealed class GeneratorOutputTests
{
    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using HighPerf;
        using Microsoft.Extensions.Logging;

        """;

    [Fact]
    public void SyncAndVoid_InAClassWithoutLogger() => AssertScenario("SyncAndVoid", """
        namespace Shop;
        public partial class Calculator
        {
            [TrackPerformance]
            public partial int Add(int a, int b);
            private int AddCore(int a, int b) => a + b;

            [TrackPerformance]
            internal static partial void Reset();
            private static void ResetCore() { }
        }
        """);

    [Fact]
    public void ValueTaskOfT_WithPrimaryConstructorLogger() => AssertScenario("ValueTaskOfT_PrimaryConstructorLogger", """
        namespace Shop;
        public sealed record Order(long Id);
        public sealed partial class OrderService(ILogger<OrderService> logger)
        {
            [TrackPerformance(SlowThresholdMilliseconds = 250)]
            public partial ValueTask<Order?> GetOrderAsync(long id, CancellationToken ct = default);
            private async ValueTask<Order?> GetOrderAsyncCore(long id, CancellationToken ct)
            {
                await Task.Delay(1, ct);
                return new Order(id);
            }
        }
        """);

    [Fact]
    public void TaskAndValueTask_WithLoggerField() => AssertScenario("TaskAndValueTask_LoggerField", """
        namespace Shop;
        public partial class Outbox
        {
            private readonly ILogger _log;
            public Outbox(ILogger log) => _log = log;

            [TrackPerformance(SlowThresholdMilliseconds = 50)]
            public partial Task<int> FlushAsync(CancellationToken cancellationToken);
            private Task<int> FlushAsyncCore(CancellationToken cancellationToken) => Task.FromResult(0);

            [TrackPerformance(SlowThresholdMilliseconds = 50)]
            public partial Task SendAsync(string message);
            private Task SendAsyncCore(string message) => Task.CompletedTask;

            [TrackPerformance(SlowThresholdMilliseconds = 50)]
            public partial ValueTask PingAsync();
            private ValueTask PingAsyncCore() => default;
        }
        """);

    [Fact]
    public void NestedGenericStructAndRecord_WithOverloads() => AssertScenario("NestedGenericShapes", """
        namespace Shop.Catalog;
        public static partial class Outer
        {
            public partial class Repository<TItem> where TItem : class
            {
                [TrackPerformance]
                public partial TItem? Find(int id);
                private TItem? FindCore(int id) => null;

                [TrackPerformance]
                public partial TItem? Find(string key);
                private TItem? FindCore(string key) => null;

                public readonly partial struct Page
                {
                    [TrackPerformance(Implementation = nameof(Measure))]
                    public partial int Count(params int[] sizes);
                    private int Measure(params int[] sizes) => sizes.Length;
                }
            }

            public partial record struct Money(decimal Amount)
            {
                [TrackPerformance]
                public partial Money Add(Money other, string? @event);
                private Money AddCore(Money other, string? @event) => new(Amount + other.Amount);
            }
        }
        """);

    [Fact]
    public void GlobalNamespace_StaticLoggerProperty() => AssertScenario("GlobalNamespace_StaticLogger", """
        public static partial class Jobs
        {
            public static ILogger? Logger { get; set; }

            [TrackPerformance(SlowThresholdMilliseconds = 1000)]
            public static partial Task RunAsync(CancellationToken cancellationToken);
            private static Task RunAsyncCore(CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """);

    private static void AssertScenario(string scenario, string source)
    {
        GeneratorRun run = TestCompilation.Run(Usings + source);
        var files = run.GeneratedSources.Select(s => (s.HintName, s.Source)).ToList();
        files.Add(("diagnostics", DescribeDiagnostics(run)));
        Snapshot.AssertMatches(scenario, files);
    }

    private static string DescribeDiagnostics(GeneratorRun run)
    {
        var lines = run.GeneratorDiagnostics
            .Concat(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning))
            .Select(d => $"{d.Severity} {d.Id} {d.Location.GetLineSpan()}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        return lines.Count == 0 ? "(none)\n" : string.Join("\n", lines) + "\n";
    }
}
