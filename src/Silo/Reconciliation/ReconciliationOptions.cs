namespace Hospital.Silo.Reconciliation;

/// <summary>When the daily reconciliation runs (section "Payments:Reconciliation").</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Payments:Reconciliation";

    /// <summary>How long after a hospital day ends its reconciliation starts: the gateway's statement of the day is ready by then.</summary>
    public TimeSpan RunAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the job looks for days to reconcile.</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many past days the job catches up on after nodes were down (each still runs once).</summary>
    public int CatchUpDays { get; set; } = 7;

    /// <summary>How long a node's claim of a day holds before another node takes the day over (the claimer died mid-run).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(30);

    public void Validate()
    {
        if (RunAfter < TimeSpan.Zero || RunAfter >= TimeSpan.FromDays(1)) throw new InvalidOperationException("RunAfter must be from zero to less than a day.");
        if (SweepPeriod <= TimeSpan.Zero) throw new InvalidOperationException("SweepPeriod must be positive.");
        if (CatchUpDays < 1) throw new InvalidOperationException("CatchUpDays must be at least 1.");
        if (ClaimLease <= TimeSpan.Zero) throw new InvalidOperationException("ClaimLease must be positive.");
    }
}
