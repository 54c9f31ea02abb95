namespace HighPerf.Testing.Processes;

/// <summary>
/// Decides which account runs a service binary. PostgreSQL refuses to run as root, so when the tests run as root
/// (CI does) the binaries run as the <c>postgres</c> account and the directories they use are given to it.
/// </summary>
public static class ServiceAccount
{
    /// <summary>
    /// True when the effective user is root. On Unix <see cref="Environment.UserName"/> is read from the passwd
    /// entry of <c>geteuid()</c>, so this is the effective user, not a login name from the environment.
    /// </summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    /// <summary>The account to pass to <c>runuser</c>: <paramref name="serviceUser"/> when root, else null (run as self).</summary>
    public static string? RunAsFor(string serviceUser) => IsRoot ? serviceUser : null;

    /// <summary>Gives <paramref name="directory"/> and everything in it to <paramref name="user"/>.</summary>
    public static Task GiveDirectoryToAsync(string directory, string user, CancellationToken cancellationToken = default) =>
        ExternalProcess.RunAsync("chown", ["-R", $"{user}:{user}", directory], cancellationToken: cancellationToken);
}
