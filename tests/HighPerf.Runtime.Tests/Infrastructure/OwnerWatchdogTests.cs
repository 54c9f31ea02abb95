using System.Diagnostics;
using HighPerf.Testing.Processes;
using Xunit;

namespace HighPerf.Runtime.Tests.Infrastructure;

public sealed class OwnerWatchdogTests
{
    private const string TouchScript = "touch \"$1\"";

    [Fact]
    public async Task OwnerExits_CleanupScriptRunsWithItsArguments()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"watchdog-{Guid.NewGuid():N}");
        using var owner = Process.Start("sleep", "600");
        using var watchdog = OwnerWatchdog.Start(owner.Id, TouchScript, [marker]);
        try
        {
            owner.Kill();
            await owner.WaitForExitAsync();

            // `tail --pid` polls once a second; a minute bounds "eventually", it is not a performance target.
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (!File.Exists(marker) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.True(File.Exists(marker), "the cleanup script did not run after the owner exited");
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [Fact]
    public async Task Dispose_StopsTheWatchdogProcessTree_WithoutRunningTheCleanup()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"watchdog-{Guid.NewGuid():N}");
        using var owner = Process.Start("sleep", "600");
        try
        {
            var watchdog = OwnerWatchdog.Start(owner.Id, TouchScript, [marker]);
            var running = await ProcessTable.WaitForShellsMentioningAsync(marker);

            watchdog.Dispose();
            watchdog.Dispose();

            Assert.Equal(1, running);
            Assert.Equal(0, ProcessTable.CountShellsMentioning(marker));
            Assert.False(File.Exists(marker));
        }
        finally
        {
            owner.Kill();
        }
    }
}
