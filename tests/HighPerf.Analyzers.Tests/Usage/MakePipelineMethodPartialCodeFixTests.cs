using HighPerf.Analyzers.Tests.Usage.Infrastructure;
using HighPerf.Analyzers.Usage;
using HighPerf.CodeFixes.Usage;
using HighPerf.Testing.Roslyn;

namespace HighPerf.Analyzers.Tests.Usage;

public class MakePipelineMethodPartialCodeFixTests
{
    private const string Header = """
        using System.Threading;
        using System.Threading.Tasks;
        using HighPerf;
        using Microsoft.Extensions.Logging;

        namespace Shop;

        public sealed record Order(long Id);

        """;

    private static Task VerifyAsync(string before, string after, string id = "HP0001") =>
        CodeFixTest<PipelineMethodAnalyzer, MakePipelineMethodPartialCodeFix>.VerifyAsync(Header + before, Header + after, id);

    [Fact]
    public async Task AsyncMethodWithDocCommentAndDefault_SplitsIntoDeclarationAndCore_AndMakesTheClassPartial()
    {
        const string before = """
            public sealed class OrderService(ILogger<OrderService> logger)
            {
                /// <summary>Loads one order.</summary>
                [TrackPerformance(SlowThresholdMilliseconds = 250)]
                public async ValueTask<Order?> GetOrderAsync(long id, CancellationToken ct = default)
                {
                    logger.LogDebug("Loading {Id}", id);
                    await Task.Delay(1, ct);
                    return new Order(id);
                }
            }
            """;
        const string after = """
            public sealed partial class OrderService(ILogger<OrderService> logger)
            {
                /// <summary>Loads one order.</summary>
                [TrackPerformance(SlowThresholdMilliseconds = 250)]
                public partial ValueTask<Order?> GetOrderAsync(long id, CancellationToken ct = default);
                private async ValueTask<Order?> GetOrderAsyncCore(long id, CancellationToken ct)
                {
                    logger.LogDebug("Loading {Id}", id);
                    await Task.Delay(1, ct);
                    return new Order(id);
                }
            }
            """;

        await VerifyAsync(before, after);
        await UsageVerifier.AssertCleanAsync(Header + after);
    }

    [Fact]
    public async Task StaticExpressionBodiedMethod_KeepsTheExpressionBodyAndStatic()
    {
        await VerifyAsync(
            """
            public static partial class Calculator
            {
                [TrackPerformance]
                public static int Add(int a, int b) => a + b;
            }
            """,
            """
            public static partial class Calculator
            {
                [TrackPerformance]
                public static partial int Add(int a, int b);
                private static int AddCore(int a, int b) => a + b;
            }
            """);
    }

    [Fact]
    public async Task NestedAndGenericContainingTypes_AllBecomePartial()
    {
        const string before = """
            public class Outer
            {
                internal sealed class Cache<TKey> where TKey : notnull
                {
                    [TrackPerformance]
                    public Task<int> CountAsync(TKey key) => Task.FromResult(key.GetHashCode());
                }
            }
            """;
        const string after = """
            public partial class Outer
            {
                internal sealed partial class Cache<TKey> where TKey : notnull
                {
                    [TrackPerformance]
                    public partial Task<int> CountAsync(TKey key);
                    private Task<int> CountAsyncCore(TKey key) => Task.FromResult(key.GetHashCode());
                }
            }
            """;

        await VerifyAsync(before, after);
        await UsageVerifier.AssertCleanAsync(Header + after);
    }

    [Fact]
    public async Task NoModifiersAnywhere_AddsPrivateToTheDeclarationAndPartialToTheStruct()
    {
        await VerifyAsync(
            """
            struct Counter
            {
                [TrackPerformance]
                int Count() { return 1; }
            }
            """,
            """
            partial struct Counter
            {
                [TrackPerformance]
                private partial int Count();
                private int CountCore() { return 1; }
            }
            """);
    }

    [Fact]
    public async Task ImplementationPropertyAndParameterExtras_CoreUsesTheNameWithoutDefaultsOrAttributes()
    {
        const string before = """
            public sealed partial class OrderService
            {
                [TrackPerformance(Implementation = "LoadFromDatabase")]
                public Task<Order> GetOrderAsync(long id, string source = "db", [System.Runtime.CompilerServices.CallerMemberName] string caller = "", params int[] tags) =>
                    Task.FromResult(new Order(id));
            }
            """;
        const string after = """
            public sealed partial class OrderService
            {
                [TrackPerformance(Implementation = "LoadFromDatabase")]
                public partial Task<Order> GetOrderAsync(long id, string source = "db", [System.Runtime.CompilerServices.CallerMemberName] string caller = "", params int[] tags);
                private Task<Order> LoadFromDatabase(long id, string source, string caller, params int[] tags) =>
                    Task.FromResult(new Order(id));
            }
            """;

        await VerifyAsync(before, after);
        await UsageVerifier.AssertCleanAsync(Header + after);
    }

    [Fact]
    public async Task RecordStructMethod_IsSplitInsideThePartialRecordStruct()
    {
        const string before = """
            public readonly record struct Money(decimal Amount)
            {
                [TrackPerformance]
                public Money Doubled() => new(Amount * 2);
            }
            """;
        const string after = """
            public readonly partial record struct Money(decimal Amount)
            {
                [TrackPerformance]
                public partial Money Doubled();
                private Money DoubledCore() => new(Amount * 2);
            }
            """;

        await VerifyAsync(before, after);
        await UsageVerifier.AssertCleanAsync(Header + after);
    }

    [Fact]
    public async Task OuterTypeDiagnostic_MakesItAndTheNestedTypesDownToThePipelineMethodPartial()
    {
        await VerifyAsync(
            """
            public class Outer
            {
                public class Inner
                {
                    [TrackPerformance]
                    public int Add(int a, int b) => a + b;
                }
            }
            """,
            """
            public partial class Outer
            {
                public partial class Inner
                {
                    [TrackPerformance]
                    public int Add(int a, int b) => a + b;
                }
            }
            """,
            "HP0002");
    }

    [Fact]
    public async Task CoreNameAlreadyTaken_OffersNoFix()
    {
        string? fixedSource = await CodeFixTest<PipelineMethodAnalyzer, MakePipelineMethodPartialCodeFix>.ApplyAsync(Header + """
            public sealed partial class Calculator
            {
                [TrackPerformance]
                public int Add(int a, int b) => a + b;
                private long AddCore(long a, long b) => a + b;
            }
            """, "HP0001");

        Assert.Null(fixedSource);
    }

    [Fact]
    public async Task ExtensionMethodWithDocCommentAndNoAccessibility_CoreDropsThis()
    {
        const string before = """
            static class OrderExtensions
            {
                /// <summary>Doubles the id.</summary>
                [TrackPerformance]
                static long DoubledId(this Order order, long factor = 2) => order.Id * factor;
            }
            """;
        const string after = """
            static partial class OrderExtensions
            {
                /// <summary>Doubles the id.</summary>
                [TrackPerformance]
                private static partial long DoubledId(this Order order, long factor = 2);
                private static long DoubledIdCore(Order order, long factor) => order.Id * factor;
            }
            """;

        await VerifyAsync(before, after);
    }

    [Fact]
    public async Task AttributesDisagreeOnTheImplementationName_OffersNoFix()
    {
        string? fixedSource = await CodeFixTest<PipelineMethodAnalyzer, MakePipelineMethodPartialCodeFix>.ApplyAsync(Header + """
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class AuditAttribute : PipelineStageAttribute { }

            public sealed partial class Calculator
            {
                [TrackPerformance(Implementation = "Fast")]
                [Audit(Implementation = "Audited")]
                public int Add(int a, int b) => a + b;
            }
            """, "HP0001");

        Assert.Null(fixedSource);
    }

    [Fact]
    public async Task FixAll_SplitsEveryMethodAndMakesTheSharedTypePartialOnce()
    {
        const string before = """
            public sealed class Calculator
            {
                [TrackPerformance]
                public int Add(int a, int b) => a + b;

                [TrackPerformance]
                public int Subtract(int a, int b) => a - b;
            }
            """;
        const string after = """
            public sealed partial class Calculator
            {
                [TrackPerformance]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;

                [TrackPerformance]
                public partial int Subtract(int a, int b);
                private int SubtractCore(int a, int b) => a - b;
            }
            """;

        string actual = await FixAllRunner<PipelineMethodAnalyzer, MakePipelineMethodPartialCodeFix>.ApplyAsync(
            Header + before, "HP0001", MakePipelineMethodPartialCodeFix.SplitMethodKey);

        Assert.Equal((Header + after).ReplaceLineEndings(), actual.ReplaceLineEndings());
        await UsageVerifier.AssertCleanAsync(actual);
    }
}
