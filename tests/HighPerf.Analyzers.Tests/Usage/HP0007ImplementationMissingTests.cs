using HighPerf.Analyzers.Tests.Usage.Infrastructure;

namespace HighPerf.Analyzers.Tests.Usage;

public class HP0007ImplementationMissingTests
{
    private const string Id = "HP0007";

    [Fact]
    public async Task NoCoreMethod_MessageShowsTheExactDeclarationToAdd()
    {
        string message = await UsageVerifier.SingleMessageAsync(UsageSource.InClass("""
                [TrackPerformance]
                public partial ValueTask<Order?> [|GetOrderAsync|](long id, CancellationToken ct = default);
            """), Id);

        Assert.Equal(
            "'GetOrderAsync' calls its implementation method 'GetOrderAsyncCore', which does not exist; add the method 'private ValueTask<Order?> GetOrderAsyncCore(long id, CancellationToken ct)' and write the body there",
            message);
    }

    [Fact]
    public async Task StaticMethodWithImplementationProperty_ExpectsAStaticMethodOfThatName()
    {
        string message = await UsageVerifier.SingleMessageAsync(UsageSource.InClass("""
                [TrackPerformance(Implementation = "Sum")]
                public static partial int [|Add|](int a, int b);
                private static int AddCore(int a, int b) => a + b;
            """), Id);

        Assert.Equal(
            "'Add' calls its implementation method 'Sum', which does not exist; add the method 'private static int Sum(int a, int b)' and write the body there",
            message);
    }

    [Fact]
    public async Task CoreMethodPresent_IsNotReported()
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass("""
                [TrackPerformance]
                public partial ValueTask<Order?> GetOrderAsync(long id, CancellationToken ct = default);
                private async ValueTask<Order?> GetOrderAsyncCore(long id, CancellationToken ct)
                {
                    await Task.Yield();
                    return new Order(id);
                }
            """), Id);
    }

    [Fact]
    public async Task NamedImplementationPresent_IsNotReported()
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass("""
                [TrackPerformance(Implementation = "Sum")]
                public static partial int Add(int a, int b);
                private static int Sum(int a, int b) => a + b;
            """), Id);
    }
}
