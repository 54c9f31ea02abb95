using HighPerf.Analyzers.Tests.Usage.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Tests.Usage;

public class HP0011SlowThresholdWithoutLoggerTests
{
    private const string Id = "HP0011";

    [Fact]
    public async Task ThresholdWithoutAnyLogger_WarnsOnTheArgument()
    {
        var diagnostics = await UsageVerifier.VerifyAsync(UsageSource.InClass("""
                [TrackPerformance([|SlowThresholdMilliseconds = 250|])]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;
            """), Id);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(
            "'Add' sets SlowThresholdMilliseconds = 250, but 'OrderService' has no ILogger to log slow calls through, so they are only measured; add an ILogger field, property or primary-constructor parameter to 'OrderService', or remove SlowThresholdMilliseconds",
            diagnostic.GetMessage());
    }

    [Fact]
    public async Task StaticMethodWithOnlyAnInstanceLogger_AsksForAStaticOne()
    {
        string message = await UsageVerifier.SingleMessageAsync(UsageSource.InClass("""
                private readonly ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

                [TrackPerformance(Implementation = "Sum", [|SlowThresholdMilliseconds = 10|])]
                public static partial int Add(int a, int b);
                private static int Sum(int a, int b) => a + b;
            """), Id);

        Assert.Contains("add a static ILogger field or property to 'OrderService'", message);
    }

    [Theory]
    [InlineData("public sealed partial class OrderService", "private readonly ILogger<OrderService> _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger<OrderService>.Instance;")]
    [InlineData("public sealed partial class OrderService", "private ILogger Logger { get; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;")]
    [InlineData("public sealed partial class OrderService(ILogger<OrderService> logger)", "")]
    public async Task InstanceMethodWithALogger_IsNotReported(string typeHeader, string loggerMember)
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass($$"""
                {{loggerMember}}
                [TrackPerformance(SlowThresholdMilliseconds = 250)]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;
            """, typeHeader), Id);
    }

    [Theory]
    [InlineData("protected readonly ILogger Logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;")]
    [InlineData("protected ILogger Logger { get; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;")]
    [InlineData("internal ILogger Logger { get; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;")]
    public async Task LoggerInheritedFromABaseClass_IsNotReported(string baseMember)
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass($$"""
                [TrackPerformance(SlowThresholdMilliseconds = 250)]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;
            }

            public abstract class ServiceBase
            {
                {{baseMember}}
            """, "public sealed partial class OrderService : ServiceBase"), Id);
    }

    [Theory]
    [InlineData("private readonly ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;")]
    [InlineData("protected ILogger Logger { private get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;")]
    public async Task BaseClassLoggerTheDerivedTypeCannotRead_IsReported(string baseMember)
    {
        var diagnostics = await UsageVerifier.VerifyAsync(UsageSource.InClass($$"""
                [TrackPerformance([|SlowThresholdMilliseconds = 250|])]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;
            }

            public abstract class ServiceBase
            {
                {{baseMember}}
            """, "public sealed partial class OrderService : ServiceBase"), Id);

        Assert.Single(diagnostics);
    }

    [Theory]
    [InlineData("[TrackPerformance]")]
    [InlineData("[TrackPerformance(SlowThresholdMilliseconds = 0)]")]
    public async Task NoThreshold_IsNotReported(string attribute)
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass($$"""
                {{attribute}}
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;
            """), Id);
    }
}
