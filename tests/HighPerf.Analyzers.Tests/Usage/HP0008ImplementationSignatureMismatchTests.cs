using HighPerf.Analyzers.Tests.Usage.Infrastructure;

namespace HighPerf.Analyzers.Tests.Usage;

public class HP0008ImplementationSignatureMismatchTests
{
    private const string Id = "HP0008";

    [Theory]
    [InlineData("private int [|AddCore|](int a, long b) => a + (int)b;")]
    [InlineData("private long [|AddCore|](int a, int b) => a + b;")]
    [InlineData("private int [|AddCore|](int a) => a;")]
    [InlineData("private static int [|AddCore|](int a, int b) => a + b;")]
    [InlineData("private int [|AddCore|](int a, ref int b) => a + b;")]
    public async Task MismatchedCoreMethod_IsReportedOnTheCoreMethod(string core)
    {
        string message = await UsageVerifier.SingleMessageAsync(UsageSource.InClass($$"""
                [TrackPerformance]
                public partial int Add(int a, int b);
                {{core}}
            """), Id);

        Assert.Equal(
            "'AddCore' cannot be the implementation of 'Add'; declare it as 'private int AddCore(int a, int b)' (same parameter types and ref kinds, same return type, static only if 'Add' is, no type parameters)",
            message);
    }

    [Fact]
    public async Task OneMatchingOverloadAmongOthers_IsNotReported()
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass("""
                [TrackPerformance]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;
                private long AddCore(long a, long b) => a + b;
            """), Id);
    }
}
