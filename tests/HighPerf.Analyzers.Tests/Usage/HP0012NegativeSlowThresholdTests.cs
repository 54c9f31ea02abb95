using HighPerf.Analyzers.Tests.Usage.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Tests.Usage;

public class HP0012NegativeSlowThresholdTests
{
    private const string Id = "HP0012";

    [Fact]
    public async Task NegativeThreshold_IsAnErrorOnTheArgument_AndNotAlsoAMissingLogger()
    {
        var diagnostics = await UsageVerifier.VerifyAsync(UsageSource.InClass("""
                [TrackPerformance([|SlowThresholdMilliseconds = -1|])]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;
            """), Id);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("SlowThresholdMilliseconds is -1; use a positive number of milliseconds, or 0 to turn slow-call logging off", diagnostic.GetMessage());
    }

    [Fact]
    public async Task NegativeConstantExpression_IsReportedWithItsValue()
    {
        string message = await UsageVerifier.SingleMessageAsync(UsageSource.InClass("""
                private const int Budget = 100;

                [TrackPerformance([|SlowThresholdMilliseconds = Budget - 300|])]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;
            """), Id);

        Assert.StartsWith("SlowThresholdMilliseconds is -200;", message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("250")]
    public async Task ZeroOrPositiveThreshold_IsNotReported(string threshold)
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass($$"""
                [TrackPerformance(SlowThresholdMilliseconds = {{threshold}})]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;
            """, "public sealed partial class OrderService(ILogger<OrderService> logger)"), Id);
    }
}
