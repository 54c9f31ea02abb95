namespace HighPerf.Runtime.Tests.Distributed.Support;

/// <summary>Where node B comes from: tests/HighPerf.CacheNode's own build output, run as a child process.</summary>
internal static class CacheNodeProcess
{
    // tests/HighPerf.Runtime.Tests/bin/<Configuration>/net10.0/ -> tests/HighPerf.CacheNode/bin/<Configuration>/net10.0/
    // (its own output holds the runtimeconfig and deps files `dotnet HighPerf.CacheNode.dll` needs).
    public static string LocateAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = testOutput.Name, configuration = testOutput.Parent!.Name;
        string testsDirectory = testOutput.Parent.Parent!.Parent!.Parent!.FullName;
        string path = Path.Combine(testsDirectory, "HighPerf.CacheNode", "bin", configuration, framework, "HighPerf.CacheNode.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build tests/HighPerf.CacheNode first (the test project references it).", path);
    }
}
