namespace HighPerf.CacheNode.Measurement;

/// <summary>The machine's 1-minute load average (Linux <c>/proc/loadavg</c>), recorded next to every figure.</summary>
public static class LoadAverage
{
    public static string OneMinute()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? File.ReadAllText(path).Split(' ')[0] : "n/a";
    }
}
