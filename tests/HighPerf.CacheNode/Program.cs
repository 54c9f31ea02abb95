using System.Globalization;
using HighPerf.CacheNode;
using HighPerf.Caching;
using HighPerf.Caching.Distributed.Backplane.Postgres;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet HighPerf.CacheNode.dll <postgres connection string> <channel> <method name>
// Protocol (one command per stdin line, one answer per stdout line):
//   start            -> READY <node id>            (after the backplane LISTENs)
//   fill <id>        -> FILLED <id>                (the entry is in this node's L1), later GONE <id> <utc ticks>
//   exit             -> the process ends
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: HighPerf.CacheNode <postgres connection string> <channel> <method name>");
    return 2;
}

string connectionString = args[0], channel = args[1], methodName = args[2];
var services = new ServiceCollection();
services.AddHighPerfCaching(options => options.UsePostgresBackplane(connectionString, backplane => backplane.Channel = channel));
await using var provider = services.BuildServiceProvider();
var method = new CachedMethod<NodeKey, string>(new CachedMethodOptions<NodeKey>
{
    MethodName = methodName,
    Duration = TimeSpan.FromMinutes(5),
    FormatKey = NodeKey.Format,
});

string? line;
while ((line = Console.ReadLine()) is not null)
{
    string[] command = line.Split(' ');
    switch (command[0])
    {
        case "start":
            await provider.StartHighPerfCachingAsync();
            var backplane = (PostgresBackplane)HighPerfCaching.Current.Backplane!;
            await backplane.WhenConnectedAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Console.WriteLine($"READY {backplane.NodeId}");
            break;
        case "fill":
            long id = long.Parse(command[1], CultureInfo.InvariantCulture);
            await method.GetOrCreateAsync(new NodeKey(id), id,
                static (state, _, _) => new ValueTask<Cacheable<string>>(Cacheable.Of("filled on node B: " + state)), CancellationToken.None);
            Console.WriteLine($"FILLED {id}");
            _ = Task.Factory.StartNew(() => WatchUntilGone(method, id), TaskCreationOptions.LongRunning);
            break;
        case "exit":
            return 0;
    }
}

return 0;

// The test fills one key at a time, so "gone" is the L1 count dropping to zero. Polled every millisecond: the
// reported time is late by at most about one millisecond (the timer resolution).
static void WatchUntilGone(CachedMethod<NodeKey, string> method, long id)
{
    var deadline = DateTime.UtcNow.AddSeconds(30);
    while (method.Count > 0 && DateTime.UtcNow < deadline)
    {
        Thread.Sleep(1);
    }

    long goneAt = DateTime.UtcNow.Ticks;
    Console.WriteLine(method.Count == 0 ? $"GONE {id} {goneAt}" : $"STILL-THERE {id}");
}
