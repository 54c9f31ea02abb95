using System.IO.Compression;
using System.Xml.Linq;
using Xunit;

namespace HighPerf.Package.Tests;

/// <summary>
/// Packs the solution once, from a copy of the repository's sources, exactly as a release does:
/// <c>dotnet pack HighPerf.Generators.sln -c Release -o &lt;dir&gt;</c>.
/// </summary>
public sealed class PackedPackageFixture : IAsyncLifetime
{
    public const string PackageId = "HighPerf.Generators";

    private readonly string _workDirectory = Directory.CreateTempSubdirectory("highperf-pack-").FullName;

    public string SourceCopy => Path.Combine(_workDirectory, "repo");

    public string PackageDirectory => Path.Combine(_workDirectory, "packages");

    /// <summary>Every *.nupkg the pack produced, as file names.</summary>
    public IReadOnlyList<string> PackageFiles { get; private set; } = [];

    /// <summary>The version Directory.Build.props gives the product.</summary>
    public string Version { get; private set; } = "";

    public string PackagePath => Path.Combine(PackageDirectory, $"{PackageId}.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        await Repository.CopySourcesAsync(Repository.FindRoot(), SourceCopy);
        Version = Repository.ReadProperty(Path.Combine(SourceCopy, "Directory.Build.props"), "Version");

        await DotnetCli.RunAsync(SourceCopy, ["pack", "HighPerf.Generators.sln", "-c", "Release", "-o", PackageDirectory]);

        PackageFiles = Directory.GetFiles(PackageDirectory, "*.nupkg").Select(Path.GetFileName).Order().ToArray()!;
    }

    /// <summary>The entry paths inside the package, with forward slashes.</summary>
    public IReadOnlyList<string> ReadEntries()
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        return archive.Entries.Select(entry => entry.FullName).ToArray();
    }

    public XDocument ReadNuspec()
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        var nuspec = archive.GetEntry($"{PackageId}.nuspec") ?? throw new InvalidOperationException("The package has no nuspec.");
        using var stream = nuspec.Open();
        return XDocument.Load(stream);
    }

    /// <summary>Extracts one entry to a temporary file and returns its path.</summary>
    public string Extract(string entryPath)
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        var target = Path.Combine(_workDirectory, "extracted", entryPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        archive.GetEntry(entryPath)!.ExtractToFile(target, overwrite: true);
        return target;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_workDirectory, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackageFixture>
{
    public const string Name = "Packed package";
}
