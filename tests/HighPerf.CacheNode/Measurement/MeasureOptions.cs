using System.Globalization;

namespace HighPerf.CacheNode.Measurement;

/// <summary>
/// The arguments of <c>measure</c>: <c>[--transport postgres|redis|both] [--rounds N] [--load THREADS] [--pool-load WORK_ITEMS]</c>.
/// <c>--load</c> starts a <see cref="CpuBurner"/> process; <c>--pool-load</c> gives both nodes a <see cref="ThreadPoolLoad"/>.
/// </summary>
public sealed record MeasureOptions(IReadOnlyList<NodeTransport> Transports, int Rounds, int LoadThreads, int PoolWorkItems)
{
    public const int DefaultRounds = 500;

    public static bool TryParse(ReadOnlySpan<string> args, out MeasureOptions options)
    {
        options = new MeasureOptions([NodeTransport.Postgres, NodeTransport.Redis], DefaultRounds, LoadThreads: 0, PoolWorkItems: 0);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            switch (args[i])
            {
                case "--transport" when value == "both":
                    break;
                case "--transport" when TransportNames.TryParse(value, out var transport):
                    options = options with { Transports = [transport] };
                    break;
                case "--rounds" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int rounds) && rounds > 0:
                    options = options with { Rounds = rounds };
                    break;
                case "--load" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int threads):
                    options = options with { LoadThreads = threads };
                    break;
                case "--pool-load" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int workItems):
                    options = options with { PoolWorkItems = workItems };
                    break;
                default:
                    return false;
            }
        }

        return args.Length % 2 == 0;
    }
}
