using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace HighPerf.Diagnostics;

/// <summary>The instruments of the L2 tier and the backplane transports, created once per process on the shared meter.</summary>
internal static partial class HighPerfMeter
{
    /// <remarks>
    /// Nested for the same reason as <see cref="Cache"/>: static fields spread over partial files have no defined
    /// initialization order, and touching <see cref="Meter"/> from a nested type runs the outer initializer first.
    /// </remarks>
    internal static class Distributed
    {
        internal static readonly Counter<long> L2Errors = Meter.CreateCounter<long>(
            HighPerfDiagnostics.CacheL2Errors,
            unit: "{error}",
            description: "L2 cache operations that failed; callers saw a miss or a skipped write.");

        internal static readonly Counter<long> L2Skipped = Meter.CreateCounter<long>(
            HighPerfDiagnostics.CacheL2Skipped,
            unit: "{operation}",
            description: "L2 cache operations skipped while the circuit breaker was open.");

        internal static readonly Counter<long> L2CircuitOpened = Meter.CreateCounter<long>(
            HighPerfDiagnostics.CacheL2CircuitOpened,
            unit: "{event}",
            description: "Times the L2 circuit breaker opened after a backend failure.");

        internal static readonly Counter<long> L2TypeNotCovered = Meter.CreateCounter<long>(
            HighPerfDiagnostics.CacheL2TypeNotCovered,
            unit: "{method}",
            description: "Cached methods whose value type no JSON metadata covers, so their results stay out of L2 (once per method).");

        internal static readonly Counter<long> BackplaneErrors = Meter.CreateCounter<long>(
            HighPerfDiagnostics.CacheBackplaneErrors,
            unit: "{error}",
            description: "Backplane failures: publish, connection, unreadable message or handler error.");

        internal static readonly Counter<long> BackplaneReconnects = Meter.CreateCounter<long>(
            HighPerfDiagnostics.CacheBackplaneReconnects,
            unit: "{event}",
            description: "Times a backplane re-established a lost connection.");

        // A runtime exception type always has a FullName; Name only satisfies the compiler.
        internal static void RecordL2Error(string operation, Exception exception) =>
            RecordL2Error(operation, exception.GetType().FullName ?? exception.GetType().Name);

        internal static void RecordL2Error(string operation, string errorType)
        {
            if (L2Errors.Enabled)
            {
                L2Errors.Add(1,
                    new KeyValuePair<string, object?>(HighPerfDiagnostics.L2OperationTag, operation),
                    new KeyValuePair<string, object?>(HighPerfDiagnostics.ErrorTypeTag, errorType));
            }
        }

        internal static void RecordL2TypeNotCovered(string methodName)
            => L2TypeNotCovered.Add(1, new KeyValuePair<string, object?>(HighPerfDiagnostics.FunctionTag, methodName));

        internal static void RecordL2Skipped(string operation)
            => L2Skipped.Add(1, new KeyValuePair<string, object?>(HighPerfDiagnostics.L2OperationTag, operation));

        internal static void RecordBackplaneError(string transport, string kind)
        {
            if (BackplaneErrors.Enabled)
            {
                BackplaneErrors.Add(1,
                    new KeyValuePair<string, object?>(HighPerfDiagnostics.BackplaneTransportTag, transport),
                    new KeyValuePair<string, object?>(HighPerfDiagnostics.BackplaneErrorKindTag, kind));
            }
        }

        internal static void RecordBackplaneReconnect(string transport)
            => BackplaneReconnects.Add(1, new KeyValuePair<string, object?>(HighPerfDiagnostics.BackplaneTransportTag, transport));
    }
}
