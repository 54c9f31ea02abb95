using System.ComponentModel;
using System.Threading.Tasks;

namespace HighPerf.Caching;

/// <summary>Completes the removals of a synchronous <c>[InvalidatesCache]</c> method before it returns.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SyncInvalidation
{
    /// <summary>
    /// Waits for <paramref name="removal"/>. Without an L2 tier or backplane it has already completed and nothing
    /// blocks; with them, the synchronous caller waits like it would for any other synchronous I/O.
    /// </summary>
    public static void Wait(ValueTask removal)
    {
        if (removal.IsCompletedSuccessfully)
        {
            return;
        }

        removal.AsTask().GetAwaiter().GetResult();
    }
}
