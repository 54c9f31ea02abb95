using HighPerf.Analyzers.Tests.Usage.Infrastructure;

namespace HighPerf.Analyzers.Tests.Usage;

public class HP0006UnsupportedReturnTypeTests
{
    private const string Id = "HP0006";

    [Theory]
    [InlineData("ref int", "ref int")]
    [InlineData("ref readonly int", "ref readonly int")]
    [InlineData("IAsyncEnumerable<Order>", "IAsyncEnumerable<Order>")]
    [InlineData("System.Runtime.CompilerServices.YieldAwaitable", "YieldAwaitable")]
    public async Task UnsupportedReturnType_IsReportedOnTheMethodName(string returnType, string shown)
    {
        string message = await UsageVerifier.SingleMessageAsync(UsageSource.InClass($$"""
                [TrackPerformance]
                public partial {{returnType}} [|Load|]();
            """), Id);

        Assert.Equal($"'{shown}' cannot be returned from a pipeline method; return void, a value, Task, Task<T>, ValueTask or ValueTask<T>", message);
    }

    [Theory]
    [InlineData("void", "{ }")]
    [InlineData("Order", "=> new Order(1);")]
    [InlineData("Task", "=> Task.CompletedTask;")]
    [InlineData("Task<Order>", "=> Task.FromResult(new Order(1));")]
    [InlineData("ValueTask", "=> default;")]
    [InlineData("ValueTask<Order?>", "=> new ValueTask<Order?>((Order?)null);")]
    public async Task SupportedReturnType_IsNotReported(string returnType, string body)
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass($$"""
                [TrackPerformance]
                public partial {{returnType}} Load();
                private {{returnType}} LoadCore() {{body}}
            """), Id);
    }
}
