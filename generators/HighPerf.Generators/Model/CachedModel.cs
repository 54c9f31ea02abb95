namespace HighPerf.Generators.Model;

/// <summary>The <c>[Cached]</c> stage of one method: its key, how the implementation is called, and its policy.</summary>
/// <param name="MethodNameExpression">C# expression of <c>CachedMethodOptions.MethodName</c>: a literal, or for generic
/// containing types one built from <c>typeof</c>, so every closed type gets its own name.</param>
/// <param name="KeyParts">Key parameters in declaration order, then <c>KeyMembers</c>.</param>
/// <param name="CarriedParameters">Escaped names of the parameters that are not in the key but are passed to the
/// implementation ([NotCacheKey] ones; CancellationTokens of synchronous methods), through the factory state.</param>
/// <param name="ImplementationReturnsCacheable">The implementation returns <c>Cacheable&lt;T&gt;</c> (in the method's wrapper).</param>
/// <param name="ApiModifiers">Modifiers of the generated <c>Invalidate&lt;Method&gt;</c> method, e.g. <c>public static</c>.</param>
/// <param name="Tags">Tag templates as written, validated: balanced braces naming key parts.</param>
/// <param name="KeyIsStatic">No key part reads instance state: the removal API and accessor are static.</param>
/// <param name="HasInvalidateApi">False when a member already has the <c>Invalidate&lt;Method&gt;</c> signature (HP0114).</param>
/// <param name="JsonContext">The <c>[CacheJsonContext]</c> serializing L2 values (distributed methods only); null until
/// known: the parser sets it from the method's types, and the pipeline from the assembly when no type has one.</param>
internal sealed record CachedModel(
    string MethodNameExpression,
    EquatableArray<CacheKeyPartModel> KeyParts,
    EquatableArray<string> CarriedParameters,
    bool ImplementationReturnsCacheable,
    string ApiModifiers,
    CachePolicyModel Policy,
    bool Distributed,
    EquatableArray<string> Tags,
    bool KeyIsStatic,
    bool HasInvalidateApi,
    JsonContextModel? JsonContext);

/// <summary>The numbers of a <c>[Cached]</c> attribute, already validated.</summary>
internal sealed record CachePolicyModel(
    int DurationSeconds,
    int SlidingSeconds,
    int MaxEntries,
    int JitterPercent,
    bool CacheNull,
    int NegativeCacheSeconds,
    int FailSafeSeconds,
    int EagerRefreshPercent);
