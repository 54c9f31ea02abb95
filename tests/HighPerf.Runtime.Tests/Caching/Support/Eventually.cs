namespace HighPerf.Runtime.Tests.Caching.Support;

/// <summary>Waits (bounded) for background work to show an effect; fails the test when it never does.</summary>
public static class Eventually
{
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, int maxAttempts = 5_000)
    {
        for (int i = 0; i < maxAttempts; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(1);
        }

        Xunit.Assert.Fail("The condition never became true.");
    }
}
