using HighPerf.Testing.Processes;
using Xunit;

namespace HighPerf.Package.Tests;

/// <summary>
/// The README's first command runs the Storefront sample on its embedded PostgreSQL. This runs the sample the test
/// command has just built, the same way, and checks what a user would look at: the exit code and the metrics table.
/// </summary>
public sealed class StorefrontSampleTests
{
    [Fact]
    public async Task Sample_OnItsEmbeddedPostgres_RunsTheWorkloadAndPrintsTheMetricsTable()
    {
        string sample = BuiltSamplePath();
        Assert.True(File.Exists(sample), $"{sample} is missing: build the solution first (the README's test command does).");

        ProcessResult result = await DotnetCli.RunAsync(
            Path.GetDirectoryName(sample)!, [sample], new Dictionary<string, string?> { ["STOREFRONT_CONNECTION_STRING"] = null });

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("Database: embedded PostgreSQL", result.StandardOutput);
        Assert.Contains("Method                                Calls  Errors  Canceled", result.StandardOutput);
        foreach (string method in new[] { "CatalogService.GetProductAsync", "OrderService.PlaceOrderAsync", "PriceCalculator.Quote" })
        {
            Assert.Contains(method, result.StandardOutput);
        }

        Assert.Contains("Stopping the embedded PostgreSQL", result.StandardOutput);
    }

    /// <summary>The sample's dll from the same configuration as this test assembly (bin/&lt;Configuration&gt;/net10.0).</summary>
    private static string BuiltSamplePath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string targetFramework = output.Name;
        string configuration = output.Parent!.Name;
        return Path.Combine(Repository.FindRoot(), "samples", "Storefront", "bin", configuration, targetFramework, "Storefront.dll");
    }
}
