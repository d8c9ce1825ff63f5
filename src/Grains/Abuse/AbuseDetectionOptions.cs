namespace Hospital.Grains.Abuse;

/// <summary>
/// When detection flags an account (section "Abuse:Detection"), validated at start. Flags are evidence for admins, never a
/// block by themselves: an admin decides whether to freeze.
/// </summary>
public sealed class AbuseDetectionOptions
{
    public const string Section = "Abuse:Detection";

    /// <summary>Flag every account that booked from one IP address or device once more than this many distinct accounts did within <see cref="SourceWindow"/>. Default 10.</summary>
    public int AccountsPerSource { get; set; } = 10;

    /// <summary>Default 10 minutes.</summary>
    public TimeSpan SourceWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Flag an account that took off more than this many patients within <see cref="RemovalWindow"/>. Default 3.</summary>
    public int RemovalsPerWindow { get; set; } = 3;

    /// <summary>Default 30 days.</summary>
    public TimeSpan RemovalWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Flag an account with this many holds expired or given up within <see cref="LapsedHoldWindow"/>. Default 3.</summary>
    public int LapsedHolds { get; set; } = 3;

    /// <summary>Default 7 days.</summary>
    public TimeSpan LapsedHoldWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each node looks for lapsed holds in the database. Default 10 minutes.</summary>
    public TimeSpan LapsedHoldSweepPeriod { get; set; } = TimeSpan.FromMinutes(10);

    public void Validate()
    {
        if (AccountsPerSource < 1 || RemovalsPerWindow < 1 || LapsedHolds < 1)
            throw new InvalidOperationException("Abuse:Detection: AccountsPerSource, RemovalsPerWindow and LapsedHolds must be at least 1.");
        if (SourceWindow <= TimeSpan.Zero || RemovalWindow <= TimeSpan.Zero || LapsedHoldWindow <= TimeSpan.Zero || LapsedHoldSweepPeriod <= TimeSpan.Zero)
            throw new InvalidOperationException("Abuse:Detection: windows and the sweep period must be positive.");
    }
}
