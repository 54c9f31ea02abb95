using System.Xml.Linq;
using HighPerf.Testing.Processes;

namespace HighPerf.Package.Tests;

/// <summary>The checkout these tests were built from.</summary>
internal static class Repository
{
    private const string SolutionFile = "HighPerf.Generators.sln";

    /// <summary>The folder holding <c>HighPerf.Generators.sln</c>, found by walking up from the test binaries.</summary>
    public static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// Copies the files git knows about (tracked, plus new files that are not ignored) to <paramref name="destination"/>,
    /// so a pack there sees exactly the sources a release would, and never a bin/ or obj/ the running build is writing.
    /// </summary>
    public static async Task CopySourcesAsync(string root, string destination)
    {
        var listing = await ExternalProcess.RunAsync(
            "git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], workingDirectory: root);
        foreach (var relativePath in listing.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(root, relativePath);
            if (!File.Exists(source))
            {
                continue; // Deleted in the working tree but not yet in the index: a release would not have it either.
            }

            var target = Path.Combine(destination, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
    }

    /// <summary>The value of an MSBuild property declared in <paramref name="file"/>, e.g. Version in Directory.Build.props.</summary>
    public static string ReadProperty(string file, string property) =>
        XDocument.Load(file).Descendants(property).Select(element => element.Value).FirstOrDefault()
        ?? throw new InvalidOperationException($"{file} declares no <{property}>.");

    /// <summary>The version Directory.Packages.props pins for <paramref name="packageId"/>.</summary>
    public static string ReadPackageVersion(string file, string packageId) =>
        XDocument.Load(file).Descendants("PackageVersion")
            .Where(element => (string?)element.Attribute("Include") == packageId)
            .Select(element => (string?)element.Attribute("Version"))
            .FirstOrDefault()
        ?? throw new InvalidOperationException($"{file} pins no version of {packageId}.");
}
