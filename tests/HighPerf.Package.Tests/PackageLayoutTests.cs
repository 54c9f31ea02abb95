using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace HighPerf.Package.Tests;

[Collection(PackedPackageCollection.Name)]
public sealed class PackageLayoutTests(PackedPackageFixture package)
{
    private static readonly string[] RoslynComponents =
        ["analyzers/dotnet/cs/HighPerf.Generators.dll", "analyzers/dotnet/cs/HighPerf.Analyzers.dll", "analyzers/dotnet/cs/HighPerf.CodeFixes.dll"];

    // Newer Microsoft.CodeAnalysis references fail to load in older compilers with CS9057 (see Directory.Build.targets).
    private static readonly Version NewestSupportedRoslyn = new(4, 14, 0, 0);

    [Fact]
    public void PackSolution_ProducesOnlyTheHighPerfGeneratorsPackageOfTheRepositoryVersion()
    {
        Assert.Equal([$"HighPerf.Generators.{package.Version}.nupkg"], package.PackageFiles);

        var metadata = Metadata(package.ReadNuspec());
        Assert.Equal("HighPerf.Generators", metadata.Element(metadata.Name.Namespace + "id")?.Value);
        Assert.Equal(package.Version, metadata.Element(metadata.Name.Namespace + "version")?.Value);
    }

    [Fact]
    public void Package_CarriesExactlyTheRuntimeAndAttributesInLib()
    {
        var libraries = package.ReadEntries().Where(entry => entry.StartsWith("lib/", StringComparison.Ordinal) && entry.EndsWith(".dll", StringComparison.Ordinal));

        Assert.Equal(["lib/net10.0/HighPerf.Abstractions.dll", "lib/net10.0/HighPerf.Runtime.dll"], libraries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Package_CarriesTheGeneratorAnalyzersAndCodeFixesForCSharp()
    {
        var analyzers = package.ReadEntries().Where(entry => entry.StartsWith("analyzers/", StringComparison.Ordinal));

        Assert.Equal(RoslynComponents.Order(StringComparer.Ordinal), analyzers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Package_CarriesTheDefaultSqlSchemaGlobAsBuildProps()
    {
        Assert.Contains("build/HighPerf.Generators.props", package.ReadEntries());

        string props = File.ReadAllText(package.Extract("build/HighPerf.Generators.props"));
        Assert.Contains("<AdditionalFiles Include=\"$(HighPerfSqlSchemaGlob)\"", props);
        Assert.Contains("Migrations/**/*.sql", props);
    }

    [Fact]
    public void Package_ShipsNoMicrosoftCodeAnalysisAssembly()
    {
        Assert.DoesNotContain(
            package.ReadEntries(),
            entry => Path.GetFileName(entry).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void RoslynComponents_ReferenceNoMicrosoftCodeAnalysisNewerThan4_14()
    {
        var roslynReferences = RoslynComponents.SelectMany(component => ReadRoslynReferences(package.Extract(component))
            .Select(reference => (Component: component, reference.Name, reference.Version))).ToArray();

        // The generator always compiles against Roslyn: an empty list would mean this check reads nothing.
        Assert.Contains(roslynReferences, reference => reference.Component.EndsWith("HighPerf.Generators.dll", StringComparison.Ordinal));
        Assert.All(roslynReferences, reference => Assert.True(
            reference.Version <= NewestSupportedRoslyn, $"{reference.Component} references {reference.Name} {reference.Version}."));
    }

    [Fact]
    public void Nuspec_DependsOnLoggingAbstractionsAndOnNothingBuiltHere()
    {
        var nuspec = package.ReadNuspec();
        var ns = nuspec.Root!.Name.Namespace;
        var expectedVersion = Repository.ReadPackageVersion(Path.Combine(package.SourceCopy, "Directory.Packages.props"), "Microsoft.Extensions.Logging.Abstractions");

        var group = Assert.Single(Metadata(nuspec).Element(ns + "dependencies")!.Elements(ns + "group"));
        Assert.Equal("net10.0", (string?)group.Attribute("targetFramework"));
        var dependencies = group.Elements(ns + "dependency").ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!);
        Assert.Equal(expectedVersion, dependencies["Microsoft.Extensions.Logging.Abstractions"]);
        Assert.DoesNotContain(dependencies.Keys, id => id.StartsWith("HighPerf.", StringComparison.Ordinal) || id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Name, Version Version)> ReadRoslynReferences(string assemblyPath)
    {
        using var reader = new PEReader(File.OpenRead(assemblyPath));
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Select(reference => (Name: metadata.GetString(reference.Name), reference.Version))
            .Where(reference => reference.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .ToArray();
    }

    private static XElement Metadata(XDocument nuspec) =>
        nuspec.Root!.Element(nuspec.Root.Name.Namespace + "metadata") ?? throw new InvalidOperationException("The nuspec has no metadata.");
}
