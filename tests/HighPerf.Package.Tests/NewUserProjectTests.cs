using Xunit;

namespace HighPerf.Package.Tests;

[Collection(PackedPackageCollection.Name)]
public sealed class NewUserProjectTests(PackedPackageFixture package) : IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("highperf-consumer-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    [Fact]
    public async Task FreshConsoleProject_ReferencingThePackage_MeasuresTheTrackedCall()
    {
        var projectDirectory = Path.Combine(_workDirectory, "Consumer");
        ConsumerProject.Write(projectDirectory, package.PackageDirectory, package.Version);
        // An empty package cache of its own: a HighPerf.Generators left in the machine's cache by an older pack
        // would otherwise be used instead of the package just built.
        var packageCache = Path.Combine(_workDirectory, "nuget-packages");

        var run = await DotnetCli.RunAsync(
            projectDirectory, ["run", "-c", "Release"], new Dictionary<string, string?> { ["NUGET_PACKAGES"] = packageCache });

        var lines = run.StandardOutput.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("result: 5", lines);
        var durations = lines.Where(line => line.StartsWith("measurement: highperf.method.duration ", StringComparison.Ordinal)).ToArray();
        var duration = Assert.Single(durations);
        Assert.Contains($"code.function.name={ConsumerProject.FunctionName}", duration);
        Assert.Contains("highperf.outcome=success", duration);
        Assert.True(Directory.Exists(Path.Combine(packageCache, "highperf.generators", package.Version)));
    }
}
