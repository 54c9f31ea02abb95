using System.Diagnostics;
using System.Text.RegularExpressions;
using HighPerf.Testing.Processes;
using Xunit;
using Xunit.Abstractions;

namespace HighPerf.Package.Tests;

/// <summary>
/// Trim and Native AOT safety of [Cached] with L2, proven on a consumer of the packed package: it builds clean with the
/// trim/AOT analyzers and warnings as errors, publishes with PublishAot, and the native binary does an L2 round trip.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed partial class AotConsumerTests(PackedPackageFixture package, ITestOutputHelper output) : IDisposable
{
    // Microsoft.Extensions.Caching.Hybrid's own default JSON serializer factory uses reflection; HighPerf hands
    // HybridCache byte[] payloads, which its built-in serializer handles, so that code is never reached.
    private const string KnownThirdPartyOrigin = "Microsoft.Extensions.Caching.Hybrid.Internal.DefaultJsonSerializerFactory";

    private readonly string _workDirectory = Directory.CreateTempSubdirectory("highperf-aot-consumer-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    [Fact]
    public async Task AotConsumer_BuildsWithoutTrimOrAotWarnings_AndItsNativeBinaryReadsTheValueBackFromL2()
    {
        string project = Path.Combine(_workDirectory, "AotConsumer");
        AotConsumerProject.Write(project, package.PackageDirectory, package.Version);
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(_workDirectory, "nuget-packages") };

        // Warnings as errors: any trim or AOT analyzer warning on the consumer's code, generated code included, fails here.
        await DotnetCli.RunAsync(project, ["build", "-c", "Release"], environment);

        var clock = Stopwatch.StartNew();
        ProcessResult publish = await DotnetCli.RunAsync(project,
            ["publish", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-p:CppCompilerAndLinker=clang-14",
             "-p:TreatWarningsAsErrors=false", "-o", Path.Combine(_workDirectory, "native")], environment);
        output.WriteLine($"Native AOT publish: {clock.Elapsed.TotalSeconds:F0} s");

        var trimWarnings = TrimOrAotWarning().Matches(publish.StandardOutput).Select(m => m.Groups["text"].Value).Distinct().ToList();
        Assert.All(trimWarnings, warning => Assert.Contains(KnownThirdPartyOrigin, warning));
        Assert.DoesNotContain(trimWarnings, warning => warning.Contains("HighPerf", StringComparison.Ordinal) || warning.Contains("AotConsumer.", StringComparison.Ordinal));

        ProcessResult run = await ExternalProcess.RunAsync(Path.Combine(_workDirectory, "native", "AotConsumer"), [], project);
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("product: Product { Id = 7, Name = product 7, Price = 9.90 }", lines);
        Assert.Contains("implementation calls: 3", lines);
        Assert.Contains("l2 hits: 1", lines);
    }

    // The warning's text up to the " [project path]" MSBuild appends (the path names the consumer project).
    [GeneratedRegex(@"warning (?<text>IL[23]\d{3}:[^\[\r\n]*)")]
    private static partial Regex TrimOrAotWarning();
}
