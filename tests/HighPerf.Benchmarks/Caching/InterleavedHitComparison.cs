using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace HighPerf.Benchmarks.Caching;

/// <summary>
/// A cross-check of <see cref="CacheHitBenchmarks"/> for shared, noisy machines: BenchmarkDotNet measures one row
/// after another, minutes apart, so a load change between two rows shows up as a difference between them. This
/// runs every row for a short slice (~10 ms) in turn, round after round, so that load falls on all rows alike,
/// and prints each row's minimum and median per-hit time. Same subjects, same key, same calls as the BDN suite.
/// Run: <c>dotnet run -c Release --project tests/HighPerf.Benchmarks -- interleaved-hits [rounds]</c>.
/// </summary>
public static class InterleavedHitComparison
{
    public const string Command = "interleaved-hits";

    private const long Id = 42;
    private const int HitsPerSlice = 1_000_000;

    private static readonly (string Name, Func<CacheBenchmarkSubjects, string> Hit)[] Rows =
    [
        ("[Cached] ValueTask<T> method", static s => s.GetCachedValueTask(Id)),
        ("[Cached] Task<T> method", static s => s.GetCachedTask(Id)),
        ("[Cached] T method (sync)", static s => s.GetCachedSync(Id)),
        ("BitFaster ConcurrentLru GetOrAdd", static s => s.GetBitFaster(Id)),
    ];

    public static void Run(int rounds)
    {
        using var subjects = new CacheBenchmarkSubjects();
        var perHit = Rows.Select(_ => new List<double>(rounds)).ToArray();
        for (int round = -5; round < rounds; round++)
        {
            for (int row = 0; row < Rows.Length; row++)
            {
                double nanoseconds = TimeSlice(subjects, Rows[row].Hit);
                if (round >= 0)
                {
                    perHit[row].Add(nanoseconds);
                }
            }
        }

        Console.WriteLine($"{rounds} interleaved rounds of {HitsPerSlice:N0} hits per row; ns per hit");
        Console.WriteLine("| Row | Min | Median |");
        Console.WriteLine("|---|---:|---:|");
        for (int row = 0; row < Rows.Length; row++)
        {
            List<double> sorted = [.. perHit[row].Order()];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Rows[row].Name} | {sorted[0]:F2} | {sorted[sorted.Count / 2]:F2} |"));
        }
    }

    // The first rounds (discarded) run each row's first calls and let tiered compilation finish.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double TimeSlice(CacheBenchmarkSubjects subjects, Func<CacheBenchmarkSubjects, string> hit)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < HitsPerSlice; i++)
        {
            hit(subjects);
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / HitsPerSlice;
    }
}
