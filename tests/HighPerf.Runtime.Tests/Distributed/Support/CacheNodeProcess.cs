using HighPerf.CacheNode;

namespace HighPerf.Runtime.Tests.Distributed.Support;

/// <summary>Starts node B: tests/HighPerf.CacheNode from its own build output, as a child process.</summary>
internal static class CacheNodeProcess
{
    public static NodeProcess Start(NodeTransport transport, string connectionString, string channel, string methodName)
        => NodeProcess.Start(LocateAssembly(), transport, connectionString, channel, methodName);

    // tests/HighPerf.Runtime.Tests/bin/<Configuration>/net10.0/ -> tests/HighPerf.CacheNode/bin/<Configuration>/net10.0/
    // (its own output holds the runtimeconfig and deps files `dotnet HighPerf.CacheNode.dll` needs).
    private static string LocateAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = testOutput.Name, configuration = testOutput.Parent!.Name;
        string testsDirectory = testOutput.Parent.Parent!.Parent!.Parent!.FullName;
        string path = Path.Combine(testsDirectory, "HighPerf.CacheNode", "bin", configuration, framework, "HighPerf.CacheNode.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build tests/HighPerf.CacheNode first (the test project references it).", path);
    }
}
