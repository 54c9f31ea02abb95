namespace HighPerf.Analyzers.Tests.Caching;

/// <summary>HP0109-HP0111: [InvalidatesCache] targets.</summary>
public sealed class InvalidatesCacheTests
{
    private const string Cached = """
            public string Tenant { get; set; } = "";
            [Cached] public partial ValueTask<Product?> GetAsync(long id, string region, CancellationToken ct = default);
            private ValueTask<Product?> GetAsyncCore(long id, string region, CancellationToken ct) => default;
            [Cached(KeyMembers = [nameof(Tenant)])] public partial int Count(long id);
            private int CountCore(long id) => 0;
            public int Plain(long id) => 0;
        """;

    [Fact]
    public async Task UnknownMethod_IsHP0109_OnTheAttribute()
    {
        string message = await CachingVerifier.SingleMessageAsync(CachingVerifier.InClass(Cached + """
                [[|InvalidatesCache("GetAsinc")|]] public partial Task SaveAsync(long id, string region);
                private Task SaveAsyncCore(long id, string region) => Task.CompletedTask;
            """), "HP0109");

        Assert.Equal("[InvalidatesCache] names 'GetAsinc', but 'ProductService' has no method of that name; use nameof() of a [Cached] method declared in 'ProductService', or name the type that declares it with [InvalidatesCache(typeof(OtherType), nameof(OtherType.Method))]", message);
    }

    [Fact]
    public async Task MethodWithoutCached_IsHP0110()
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.InClass(Cached + """
                [[|InvalidatesCache(nameof(Plain))|]] public partial void Save(long id);
                private void SaveCore(long id) { }
            """), "HP0110");
    }

    [Theory]
    [InlineData("long id", "a parameter 'string region'")]
    [InlineData("long id, int region", "a parameter 'string region'")]
    [InlineData("int id, string region", "a parameter 'long id'")]
    public async Task MissingOrDifferentlyTypedKeyParameter_IsHP0111(string parameters, string missing)
    {
        string message = await CachingVerifier.SingleMessageAsync(CachingVerifier.InClass(Cached + $$"""
                [[|InvalidatesCache(nameof(GetAsync))|]] public partial Task SaveAsync({{parameters}});
                private Task SaveAsyncCore({{parameters}}) => Task.CompletedTask;
            """), "HP0111");

        Assert.Equal($"'SaveAsync' cannot build the key of 'GetAsync': it lacks {missing}", message);
    }

    [Fact]
    public async Task StaticMethodAndInstanceKeyMember_IsHP0111()
    {
        string message = await CachingVerifier.SingleMessageAsync(CachingVerifier.InClass(Cached + """
                [[|InvalidatesCache(nameof(Count))|]] public static partial void Reset(long id);
                private static void ResetCore(long id) { }
            """), "HP0111");

        Assert.EndsWith("it lacks the instance key member 'Tenant' (this method is static)", message);
    }

    [Fact]
    public async Task MatchingParameters_ExtraParametersAndSeveralTargets_ReportNothing()
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.InClass(Cached + """
                [InvalidatesCache(nameof(GetAsync))]
                [InvalidatesCache(nameof(Count))]
                public partial Task<int> SaveAsync(string region, long id, decimal price, CancellationToken ct);
                private Task<int> SaveAsyncCore(string region, long id, decimal price, CancellationToken ct) => Task.FromResult(1);
            """), "HP0111");
    }
}
