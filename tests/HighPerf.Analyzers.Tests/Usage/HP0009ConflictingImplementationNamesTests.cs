using HighPerf.Analyzers.Tests.Usage.Infrastructure;

namespace HighPerf.Analyzers.Tests.Usage;

public class HP0009ConflictingImplementationNamesTests
{
    private const string Id = "HP0009";

    private const string AuditStage = """
        [AttributeUsage(AttributeTargets.Method)]
        public sealed class AuditAttribute : PipelineStageAttribute { }

        """;

    [Fact]
    public async Task TwoStagesNamingDifferentMethods_AreReportedWithBothNames()
    {
        string message = await UsageVerifier.SingleMessageAsync(UsageSource.Usings + AuditStage + """
            public sealed partial class OrderService
            {
                [TrackPerformance(Implementation = "AddFast")]
                [Audit(Implementation = "AddAudited")]
                public partial int [|Add|](int a, int b);
                private int AddFast(int a, int b) => a + b;
                private int AddAudited(int a, int b) => a + b;
            }
            """, Id);

        Assert.Equal(
            "The pipeline attributes on 'Add' name different implementation methods (AddFast, AddAudited); set Implementation on one attribute only, or to the same name on all",
            message);
    }

    [Theory]
    [InlineData("[TrackPerformance(Implementation = \"AddFast\")] [Audit(Implementation = \"AddFast\")]")]
    [InlineData("[TrackPerformance(Implementation = \"AddFast\")] [Audit]")]
    public async Task StagesThatAgreeOrLeaveItUnset_AreNotReported(string attributes)
    {
        await UsageVerifier.VerifyAsync(UsageSource.Usings + AuditStage + $$"""
            public sealed partial class OrderService
            {
                {{attributes}}
                public partial int Add(int a, int b);
                private int AddFast(int a, int b) => a + b;
            }
            """, Id);
    }
}
