using HighPerf.Analyzers.Tests.Usage.Infrastructure;

namespace HighPerf.Analyzers.Tests.Usage;

public class HP0004GenericMethodTests
{
    private const string Id = "HP0004";

    [Fact]
    public async Task GenericMethod_IsReportedOnItsName_WithoutAnImplementationMismatch()
    {
        string message = await UsageVerifier.SingleMessageAsync(UsageSource.InClass("""
                [TrackPerformance]
                public partial T [|Echo|]<T>(T value);
                private T EchoCore<T>(T value) => value;
            """), Id);

        Assert.Equal("'Echo' has type parameters, which pipeline methods do not support; remove them or move them to the containing type", message);
    }

    [Fact]
    public async Task TypeParameterOfTheContainingType_IsNotReported()
    {
        await UsageVerifier.VerifyAsync(UsageSource.Usings + """
            public sealed partial class Box<T>
            {
                [TrackPerformance]
                public partial T Echo(T value);
                private T EchoCore(T value) => value;
            }
            """, Id);
    }
}
