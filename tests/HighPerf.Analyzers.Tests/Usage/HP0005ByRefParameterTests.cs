using HighPerf.Analyzers.Tests.Usage.Infrastructure;

namespace HighPerf.Analyzers.Tests.Usage;

public class HP0005ByRefParameterTests
{
    private const string Id = "HP0005";

    [Theory]
    [InlineData("ref")]
    [InlineData("out")]
    [InlineData("in")]
    [InlineData("ref readonly")]
    public async Task ByRefParameter_IsReportedOnTheParameter(string refKind)
    {
        string message = await UsageVerifier.SingleMessageAsync(UsageSource.InClass($$"""
                [TrackPerformance]
                public partial void Fill({{refKind}} int [|count|], string name);
            """), Id);

        Assert.Equal($"Parameter 'count' is declared '{refKind}', which a pipeline method cannot pass through its stages; pass it by value and return the result instead", message);
    }

    [Fact]
    public async Task TwoByRefParameters_AreBothReported()
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass("""
                [TrackPerformance]
                public partial void Swap(ref int [|left|], ref int [|right|]);
            """), Id);
    }

    [Fact]
    public async Task ByValueAndParamsParameters_AreNotReported()
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass("""
                [TrackPerformance]
                public partial int Sum(string label, params int[] values);
                private int SumCore(string label, params int[] values) => values.Length;
            """), Id);
    }
}
