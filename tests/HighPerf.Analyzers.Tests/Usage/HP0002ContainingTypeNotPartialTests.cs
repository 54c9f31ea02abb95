using HighPerf.Analyzers.Tests.Usage.Infrastructure;

namespace HighPerf.Analyzers.Tests.Usage;

public class HP0002ContainingTypeNotPartialTests
{
    private const string Id = "HP0002";

    [Fact]
    public async Task NonPartialClass_IsReportedOnItsName()
    {
        string message = await UsageVerifier.SingleMessageAsync(UsageSource.InClass(
            """
                [TrackPerformance]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;
            """,
            "public sealed class [|OrderService|]"), Id);

        Assert.Equal("'OrderService' contains a pipeline method, so the generator must add to it; add the 'partial' modifier to 'OrderService'", message);
    }

    [Fact]
    public async Task SeveralPipelineMethodsInOneType_ReportTheTypeOnce()
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass(
            """
                [TrackPerformance]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;

                [TrackPerformance]
                public partial int Subtract(int a, int b);
                private int SubtractCore(int a, int b) => a - b;
            """,
            "public sealed class [|OrderService|]"), Id);
    }

    [Fact]
    public async Task NestedTypes_EachNonPartialLevelIsReported()
    {
        await UsageVerifier.VerifyAsync(UsageSource.Usings + """
            public class [|Outer|]
            {
                public partial class Middle
                {
                    internal struct [|Inner|]
                    {
                        [TrackPerformance]
                        public partial int Add(int a, int b);
                        private int AddCore(int a, int b) => a + b;
                    }
                }
            }
            """, Id);
    }

    [Fact]
    public async Task PartialRecordStructAndGenericTypes_AreNotReported()
    {
        await UsageVerifier.VerifyAsync(UsageSource.Usings + """
            public partial record Outer(int Value)
            {
                public partial record struct Inner<T>(T Item)
                {
                    [TrackPerformance]
                    public partial T Echo();
                    private T EchoCore() => Item;
                }
            }
            """, Id);
    }
}
