using System.Text.Json.Serialization;
using HighPerf.Caching;
using HighPerf.Caching.Distributed;
using HighPerf.Diagnostics;
using HighPerf.Runtime.Tests.Caching.Support;
using HighPerf.Runtime.Tests.Distributed.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

/// <summary>Which JSON metadata writes and reads a method's L2 values: declared context, registered resolvers, reflection.</summary>
[Collection(CachingCollection.Name)]
public sealed class L2SerializationTests
{
    private static readonly ProductKey Key = new(1);

    private static CachedMethod<ProductKey, T> NewMethod<T>(JsonSerializerContext? context) => new(new CachedMethodOptions<ProductKey>
    {
        MethodName = CacheTestScope.UniqueMethodName(nameof(L2SerializationTests)),
        Duration = TimeSpan.FromMinutes(5),
        FormatKey = ProductKey.Format,
        JsonContext = context,
    });

    private static ValueTask<T> Get<T>(CachedMethod<ProductKey, T> method, T value, CountingFactory? calls = null) =>
        method.GetOrCreateAsync(Key, (value, calls), static (state, key, _) =>
        {
            state.calls?.Next(key);
            return new ValueTask<Cacheable<T>>(Cacheable.Of(state.value));
        }, default);

    [Fact]
    public async Task DeclaredContext_WritesWithItsOwnMetadata_AndAnotherNodeReadsItBack()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2, jsonFallback: new L2JsonSerializer([KebabCaseJsonContext.Default]));
        var gadget = new Gadget(42, "Kettle");

        await Get(NewMethod<Gadget>(SnakeCaseJsonContext.Default), gadget);
        var otherNode = NewMethod<Gadget>(SnakeCaseJsonContext.Default);
        var calls = new CountingFactory();
        Gadget read = await Get(otherNode, new Gadget(0, "computed"), calls);

        // snake_case is only in the declared context: reflection would write GadgetId, the registered resolver gadget-id.
        Assert.Equal("{\"gadget_id\":42,\"display_name\":\"Kettle\"}", l2.Entries["product:1"].Json);
        Assert.Equal(gadget, read);
        Assert.Equal(0, calls.Calls);
    }

    [Fact]
    public async Task TypeTheDeclaredContextLacks_FallsBackToTheRegisteredResolvers()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2, jsonFallback: new L2JsonSerializer([KebabCaseJsonContext.Default], useReflection: false));
        await Get(NewMethod<Gadget>(context: null), new Gadget(7, "Pan"));

        // Reflection is off: only the registered resolver can have written it. A resolver combined into other options
        // follows those options (default names), not its own [JsonSourceGenerationOptions], as System.Text.Json does.
        Assert.Equal("{\"GadgetId\":7,\"DisplayName\":\"Pan\"}", l2.Entries["product:1"].Json);
        Assert.Equal(new Gadget(7, "Pan"), await Get(NewMethod<Gadget>(context: null), new Gadget(0, "computed")));
    }

    [Fact]
    public async Task NoContextAndNoResolver_UsesReflectionWhereItIsEnabled()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2);

        await Get(NewMethod<Gadget>(context: null), new Gadget(8, "Pot"));

        Assert.Equal("{\"GadgetId\":8,\"DisplayName\":\"Pot\"}", l2.Entries["product:1"].Json);
    }

    [Fact]
    public async Task TypeNothingCovers_StaysOutOfL2_CountedAndLoggedOncePerMethod_NotPerCall()
    {
        var l2 = new InMemoryCacheL2();
        var logs = new ListLoggerProvider();
        using var scope = new CacheTestScope(l2, loggers: logs, jsonFallback: new L2JsonSerializer([KebabCaseJsonContext.Default], useReflection: false));
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheL2TypeNotCovered);
        var method = NewMethod<Unlisted>(SnakeCaseJsonContext.Default);
        var calls = new CountingFactory();

        for (int id = 1; id <= 3; id++)
        {
            await method.GetOrCreateAsync(new ProductKey(id), calls, static (calls, key, _) =>
                new ValueTask<Cacheable<Unlisted>>(Cacheable.Of(new Unlisted(calls.Next(key).Length))), default);
        }

        Assert.Equal(3, calls.Calls);
        Assert.Equal(3, method.Count);
        Assert.Empty(l2.Entries);
        Assert.Equal(0, l2.Reads);
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheL2TypeNotCovered, (HighPerfDiagnostics.FunctionTag, method.MethodName)));
        var log = Assert.Single(logs.Entries, e => e.EventName == "L2TypeNotCovered");
        Assert.Contains(typeof(Unlisted).FullName!, log.Message);
        Assert.Contains(typeof(SnakeCaseJsonContext).FullName!, log.Message);
    }

    [Fact]
    public async Task ResolverThatThrowsForTheType_CountsAsNoMetadata_AndTheCallerStillGetsItsValue()
    {
        var l2 = new InMemoryCacheL2();
        var logs = new ListLoggerProvider();
        using var scope = new CacheTestScope(l2, loggers: logs, jsonFallback: new L2JsonSerializer([new ThrowingResolver()], useReflection: false));
        var method = NewMethod<Gadget>(context: null);

        Assert.Equal(new Gadget(1, "Cup"), await Get(method, new Gadget(1, "Cup")));

        Assert.Empty(l2.Entries);
        var log = Assert.Single(logs.Entries, e => e.EventName == "L2TypeNotCovered");
        Assert.IsType<InvalidOperationException>(log.Exception);
    }

    [Fact]
    public async Task ValueWhoseSerializationThrows_IsNotWritten_ButTheCallerGetsIt_AndTheFailureIsCounted()
    {
        var l2 = new InMemoryCacheL2();
        var logs = new ListLoggerProvider();
        using var scope = new CacheTestScope(l2, loggers: logs, jsonFallback: new L2JsonSerializer([TestJsonContext.Default], useReflection: false));
        using var errors = new MetricRecorder(HighPerfDiagnostics.CacheL2Errors);
        var method = NewMethod<Unserializable>(context: null);
        var value = new Unserializable();

        Assert.Same(value, await Get(method, value));

        Assert.Empty(l2.Entries);
        Assert.Equal(1, method.Count);
        Assert.Equal(1, errors.Sum(HighPerfDiagnostics.CacheL2Errors, (HighPerfDiagnostics.L2OperationTag, HighPerfDiagnostics.L2OperationSet)));
        Assert.Equal(1, logs.Count("L2SerializationFailed"));
    }

    private sealed class ThrowingResolver : System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver
    {
        public System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type, System.Text.Json.JsonSerializerOptions options) =>
            throw new InvalidOperationException("This resolver rejects " + type.Name);
    }
}
