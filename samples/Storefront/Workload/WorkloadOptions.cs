namespace Storefront.Workload;

/// <summary>How much traffic the sample sends: a fixed number of operations, so a run is short and bounded.</summary>
public sealed record WorkloadOptions
{
    public int Operations { get; init; } = 2_000;

    public int Workers { get; init; } = 4;

    /// <summary>How long a checkout waits for the payment provider before giving up (the call is then canceled).</summary>
    public TimeSpan PaymentDeadline { get; init; } = TimeSpan.FromMilliseconds(120);

    /// <summary>A safety net: the run stops here even if the database is unexpectedly slow.</summary>
    public TimeSpan MaximumDuration { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>Seeds each worker's random choices, so every run sends much the same mix of requests.</summary>
    public int Seed { get; init; } = 2026;
}
