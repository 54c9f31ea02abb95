using System;
using System.Threading;

namespace HighPerf.Caching.Expiration;

/// <summary>
/// A millisecond clock that costs one memory read: a background thread copies <see cref="Environment.TickCount64"/>
/// into a field every <see cref="Period"/>.
/// </summary>
/// <remarks>
/// Reading <see cref="Environment.TickCount64"/> itself costs ~8 ns on virtual machines without a fast vDSO clock,
/// more than a whole dictionary lookup, so on the cache hit path it dominated. Cache lifetimes are whole seconds, so
/// the price of a coarse read — an entry may live up to one period longer — is negligible. A dedicated thread, not a
/// thread-pool timer, keeps the clock moving when the pool is starved, exactly when stale entries would hurt.
/// </remarks>
internal static class CoarseClock
{
    internal static readonly TimeSpan Period = TimeSpan.FromMilliseconds(10);

    private static long s_now = Environment.TickCount64;

    static CoarseClock()
    {
        var ticker = new Thread(Tick) { IsBackground = true, Name = "HighPerf cache clock" };
        ticker.Start();
    }

    internal static long NowMilliseconds => Volatile.Read(ref s_now);

    private static void Tick()
    {
        while (true)
        {
            Thread.Sleep(Period);
            Volatile.Write(ref s_now, Environment.TickCount64);
        }
    }
}
