using HighPerf.Diagnostics;

namespace Storefront.Reporting;

/// <summary>Everything the HighPerf meter reported about one method, accumulated from listener callbacks.</summary>
public sealed class MethodStatistics(string methodName)
{
    private readonly List<double> _durationsMilliseconds = [];
    private readonly Dictionary<string, long> _errorTypes = new(StringComparer.Ordinal);
    private long _succeeded;
    private long _failed;
    private long _canceled;
    private long _active;
    private long _peakActive;

    public string MethodName { get; } = methodName;

    public long Succeeded => Volatile.Read(ref _succeeded);

    public long Failed => Volatile.Read(ref _failed);

    public long Canceled => Volatile.Read(ref _canceled);

    public long Calls => Succeeded + Failed + Canceled;

    /// <summary>The most calls of this method that were in flight at once.</summary>
    public long PeakActive => Volatile.Read(ref _peakActive);

    public void RecordDuration(double seconds)
    {
        lock (_durationsMilliseconds)
        {
            _durationsMilliseconds.Add(seconds * 1000);
        }
    }

    public void CountCall(string? outcome, string? errorType)
    {
        switch (outcome)
        {
            case HighPerfDiagnostics.OutcomeSuccess:
                Interlocked.Increment(ref _succeeded);
                break;
            case HighPerfDiagnostics.OutcomeCanceled:
                Interlocked.Increment(ref _canceled);
                break;
            default:
                Interlocked.Increment(ref _failed);
                lock (_errorTypes)
                {
                    string key = errorType ?? "(no error.type tag)";
                    _errorTypes[key] = _errorTypes.GetValueOrDefault(key) + 1;
                }

                break;
        }
    }

    public void AddActive(long delta)
    {
        long active = Interlocked.Add(ref _active, delta);
        long peak;
        while (active > (peak = Volatile.Read(ref _peakActive)) &&
               Interlocked.CompareExchange(ref _peakActive, active, peak) != peak)
        {
        }
    }

    /// <summary>The error types seen (the <c>error.type</c> tag) and how often, by name.</summary>
    public KeyValuePair<string, long>[] ErrorTypeCounts()
    {
        lock (_errorTypes)
        {
            return _errorTypes.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>The recorded durations in milliseconds, sorted ascending.</summary>
    public double[] SortedDurations()
    {
        double[] durations;
        lock (_durationsMilliseconds)
        {
            durations = [.. _durationsMilliseconds];
        }

        Array.Sort(durations);
        return durations;
    }
}
