namespace HighPerf.Generators.Tests.Infrastructure;

/// <summary>Counts what a call allocates on the current thread, after one warm-up call.</summary>
internal static class Allocations
{
    public static long OfCalls(int calls, Action call)
    {
        call();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++)
        {
            call();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
