namespace HighPerf.Testing.Snapshots;

/// <summary>Whether this run may (re)write baselines instead of failing on a mismatch.</summary>
public static class SnapshotAcceptance
{
    public const string Variable = "HIGHPERF_ACCEPT_SNAPSHOTS";

    /// <summary>
    /// True when <see cref="Variable"/> is <c>1</c>, except under CI (<c>CI=true</c>): CI checks the committed
    /// baselines and must never edit the checkout.
    /// </summary>
    public static bool IsRequested(Func<string, string?> getVariable) =>
        getVariable(Variable) == "1" &&
        !string.Equals(getVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
