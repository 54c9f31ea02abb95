using HighPerf.Analyzers.Tests.Usage.Infrastructure;

namespace HighPerf.Analyzers.Tests.Usage;

public class HP0001NotPartialDeclarationTests
{
    private const string Id = "HP0001";

    [Fact]
    public async Task MethodWithBody_IsReportedOnItsName_AndNamesTheCoreMethod()
    {
        string message = await UsageVerifier.SingleMessageAsync(UsageSource.InClass("""
                [TrackPerformance]
                public int [|Add|](int a, int b) => a + b;
            """), Id);

        Assert.Equal("'Add' has a pipeline attribute, so the generator must write its body; make it a partial declaration and move the body to 'AddCore'", message);
    }

    [Fact]
    public async Task ImplementationPropertySet_MessageNamesThatMethod()
    {
        string message = await UsageVerifier.SingleMessageAsync(UsageSource.InClass("""
                [TrackPerformance(Implementation = "LoadFromDatabase")]
                public async Task<Order> [|GetOrderAsync|](long id)
                {
                    await Task.Yield();
                    return new Order(id);
                }
            """), Id);

        Assert.EndsWith("move the body to 'LoadFromDatabase'", message);
    }

    [Fact]
    public async Task AnyAttributeDerivingFromPipelineStageAttribute_IsChecked()
    {
        await UsageVerifier.VerifyAsync(UsageSource.Usings + """
            public sealed class AuditAttribute : PipelineStageAttribute { }

            public sealed partial class OrderService
            {
                [Audit]
                public void [|Save|](Order order) { }
            }
            """, Id);
    }

    [Fact]
    public async Task PartialDeclarationWithCoreMethod_IsNotReported()
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass("""
                [TrackPerformance]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;
            """), Id);
    }

    [Fact]
    public async Task MethodWithoutPipelineAttribute_IsNotReported()
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass("""
                [Obsolete]
                public int Add(int a, int b) => a + b;
            """), Id);
    }

    [Fact]
    public async Task LookAlikeAttributeOutsideHighPerf_IsNotReported()
    {
        await UsageVerifier.VerifyAsync(UsageSource.Usings + """
            public sealed class TrackPerformanceAttribute : Attribute { }

            public sealed class OrderService
            {
                [Shop.TrackPerformance]
                public int Add(int a, int b) => a + b;
            }
            """, Id);
    }
}
