using System.Runtime.CompilerServices;

namespace HighPerf.Testing.Snapshots;

/// <summary>
/// Golden-file assertions. Baselines live next to the test file, in <c>Baselines/&lt;scenario&gt;/&lt;FileName&gt;.txt</c>.
/// A mismatch fails with a line diff; run the tests with <c>HIGHPERF_ACCEPT_SNAPSHOTS=1</c> to (re)write the
/// baselines instead, then review them with <c>git diff</c>.
/// </summary>
public static class Snapshot
{
    /// <summary>Asserts that <paramref name="files"/> are exactly the baselines of <paramref name="scenario"/>.</summary>
    /// <param name="scenario">One folder of baselines, e.g. <c>TrackPerformance_ValueTaskOfT</c>.</param>
    /// <param name="files">The actual files, e.g. the generator's hint names and sources.</param>
    /// <param name="testFile">Filled in by the compiler: the calling test's source file.</param>
    public static void AssertMatches(
        string scenario,
        IReadOnlyList<(string FileName, string Content)> files,
        [CallerFilePath] string testFile = "")
    {
        var testDirectory = Path.GetDirectoryName(testFile);
        if (string.IsNullOrEmpty(testDirectory))
        {
            throw new ArgumentException("The calling test's file path is unknown; let the compiler fill it in.", nameof(testFile));
        }

        var store = new SnapshotStore(
            Path.Combine(testDirectory, "Baselines"),
            SnapshotAcceptance.IsRequested(Environment.GetEnvironmentVariable));
        store.AssertMatches(scenario, files);
    }
}
