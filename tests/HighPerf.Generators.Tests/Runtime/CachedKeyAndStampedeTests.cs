using System.Globalization;
using System.Reflection;
using HighPerf.Generators.Tests.TestClasses;

namespace HighPerf.Generators.Tests.Runtime;

/// <summary>The generated FormatKey (the L2 and backplane key) and stampede protection through generated code.</summary>
public sealed class CachedKeyAndStampedeTests
{
    [Fact]
    public async Task ThousandConcurrentCallers_OnOneKey_RunTheImplementationOnce()
    {
        long id = CachedCatalog.NextKey();
        int started = 0;
        Task<int>[] callers = Enumerable.Range(0, 1_000).Select(_ => Task.Run(() =>
        {
            Task<int> call = CachedKeys.QuoteAsync(id);
            Interlocked.Increment(ref started);
            return call;
        })).ToArray();

        // Every call is made while the implementation is still blocked, so all of them meet the same flight.
        while (Volatile.Read(ref started) < callers.Length)
        {
            await Task.Delay(1);
        }

        CachedKeys.Release(7);
        int[] results = await Task.WhenAll(callers);

        Assert.All(results, result => Assert.Equal(7 + (int)id, result));
        Assert.Equal(1, CachedKeys.QuoteCalls);
    }

    [Fact]
    public void FormatKey_IsInvariantCulture_NamesTheMethod_AndKeepsEveryTick()
    {
        var at = new DateTime(2026, 11, 27, 16, 5, 9, DateTimeKind.Utc).AddTicks(1234567);
        CultureInfo previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            string key = FormatDescribeKey("a", null, at, 1234.5m);

            Assert.Equal("HighPerf.Generators.Tests.TestClasses.CachedKeys.Describe(a,\\0,2026-11-27T16:05:09.1234567Z,1234.5)", key);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void FormatKey_EscapesSeparators_SoDifferentArgumentsNeverFormatAlike()
    {
        string one = FormatDescribeKey("a,b", "c", DateTime.MinValue, 0m);
        string two = FormatDescribeKey("a", "b,c", DateTime.MinValue, 0m);
        string nullVersusText = FormatDescribeKey("\\0", null, DateTime.MinValue, 0m);
        string bothNull = FormatDescribeKey(null, null, DateTime.MinValue, 0m);

        Assert.NotEqual(one, two);
        Assert.NotEqual(nullVersusText, bothNull);
        Assert.Contains("(a\\,b,c,", one);
    }

    // The formatter is private generated code; calling it through its generated key type checks the real output.
    private static string FormatDescribeKey(string? first, string? second, DateTime at, decimal amount)
    {
        Type keyType = typeof(CachedKeys).GetNestedType("__HighPerf_Describe_Key", BindingFlags.NonPublic)!;
        object key = Activator.CreateInstance(keyType, first, second, at, amount)!;
        MethodInfo format = typeof(CachedKeys).GetMethod("__HighPerf_Describe_FormatKey", BindingFlags.NonPublic | BindingFlags.Static)!;
        return (string)format.Invoke(null, [key])!;
    }
}
