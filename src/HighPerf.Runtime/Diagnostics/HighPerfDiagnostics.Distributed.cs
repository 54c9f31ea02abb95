namespace HighPerf.Diagnostics;

// Names of the distributed caching instruments: failures of the L2 tier (HybridCache over an IDistributedCache)
// and of the invalidation backplane transports. Backplane message counts and lag are in HighPerfDiagnostics.Caching.cs. Checklist when adding one: create it in HighPerfMeter.Distributed.cs and list it in
// docs/caching-distributed.md.
public static partial class HighPerfDiagnostics
{
    /// <summary>Counter: L2 operations that failed (backend error, timeout, serialization); the caller saw a miss or a skipped write.</summary>
    public const string CacheL2Errors = "highperf.cache.l2.errors";

    /// <summary>Counter: L2 operations not sent because the circuit breaker was open (the backend failed moments ago).</summary>
    public const string CacheL2Skipped = "highperf.cache.l2.skipped";

    /// <summary>Counter: times the L2 circuit breaker opened.</summary>
    public const string CacheL2CircuitOpened = "highperf.cache.l2.circuit_opened";

    /// <summary>Counter: cached methods whose value type no JSON metadata covers (neither the declared
    /// <c>[CacheJsonContext]</c>, nor a registered resolver, nor reflection); added once per method, whose results then
    /// stay out of L2.</summary>
    public const string CacheL2TypeNotCovered = "highperf.cache.l2.type_not_covered";

    /// <summary>Error type on <see cref="CacheL2Errors"/> for an L2 payload that is not a readable envelope.</summary>
    public const string L2UnreadablePayload = "unreadable_payload";

    /// <summary>Counter: backplane failures (publish failed, connection lost, unreadable message, handler threw).</summary>
    public const string CacheBackplaneErrors = "highperf.cache.backplane.errors";

    /// <summary>Counter: times a backplane re-established its connection after losing it.</summary>
    public const string CacheBackplaneReconnects = "highperf.cache.backplane.reconnects";

    /// <summary>Tag: the L2 operation, one of <see cref="L2OperationGet"/>, <see cref="L2OperationSet"/>, <see cref="L2OperationRemove"/>.</summary>
    public const string L2OperationTag = "highperf.cache.l2.operation";

    public const string L2OperationGet = "get";
    public const string L2OperationSet = "set";
    public const string L2OperationRemove = "remove";

    /// <summary>Tag: <c>postgres</c>, <c>redis</c> or the name a custom backplane reports.</summary>
    public const string BackplaneTransportTag = "highperf.cache.backplane.transport";

    /// <summary>Tag on backplane errors: <c>publish</c>, <c>connection</c>, <c>message</c> or <c>handler</c>.</summary>
    public const string BackplaneErrorKindTag = "highperf.cache.backplane.error";
}
