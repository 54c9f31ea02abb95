using HighPerf.Analyzers.Tests.Usage.Infrastructure;

namespace HighPerf.Analyzers.Tests.Usage;

public class HP0003UnsupportedContainingTypeTests
{
    private const string Id = "HP0003";

    [Fact]
    public async Task MethodInInterface_ReportsTheInterfaceOnce()
    {
        var diagnostics = await UsageVerifier.VerifyAsync(UsageSource.Usings + """
            public partial interface [|IOrders|]
            {
                [TrackPerformance]
                int {|HP0001:Count|}();

                [TrackPerformance]
                int {|HP0001:Sum|}();
            }
            """, Id);

        Assert.Equal(
            "Pipeline methods cannot be declared in 'IOrders', which is an interface; declare them in a partial class, record or struct",
            Assert.Single(diagnostics, d => d.Id == Id).GetMessage());
    }

    [Fact]
    public async Task MethodInStruct_IsNotReported()
    {
        await UsageVerifier.VerifyAsync(UsageSource.Usings + """
            public partial struct Counter
            {
                [TrackPerformance]
                public partial int Count();
                private int CountCore() => 1;
            }
            """, Id);
    }
}
