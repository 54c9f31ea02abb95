using HighPerf.Analyzers.Tests.Usage.Infrastructure;

namespace HighPerf.Analyzers.Tests.Usage;

public class HP0010ImplementationWrittenByHandTests
{
    private const string Id = "HP0010";

    [Fact]
    public async Task HandWrittenImplementingPart_IsReportedOnIt()
    {
        string message = await UsageVerifier.SingleMessageAsync(UsageSource.InClass("""
                [TrackPerformance]
                public partial int Add(int a, int b);
                public partial int [|Add|](int a, int b) => a + b;
            """), Id);

        Assert.Equal("'Add' is a pipeline method, so the generator writes its implementing part; delete this one and move its body to 'AddCore'", message);
    }

    [Fact]
    public async Task AttributeOnTheImplementingPart_IsReportedOnceOnIt()
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass("""
                public partial int Add(int a, int b);
                [TrackPerformance]
                public partial int [|Add|](int a, int b) => a + b;
            """), Id);
    }

    [Fact]
    public async Task GeneratedImplementingPart_IsNotReported()
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass("""
                [TrackPerformance]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;
            """), Id);
    }
}
