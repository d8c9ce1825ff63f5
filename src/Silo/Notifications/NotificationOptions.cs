namespace Hospital.Silo.Notifications;

/// <summary>Delivering the outbox and writing the visit notices (section "Notifications"), validated at start.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often each node looks for notices to send. Default 10 seconds.</summary>
    public TimeSpan DispatchPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most notices one node claims per look. Default 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Attempts at one notice before it is given up (and logged). Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait after the first failed attempt, doubling after each further one. Default 1 minute.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a claim keeps other nodes off a notice. A node that dies mid-send leaves its claim to lapse, and the notice
    /// is sent again after this: longer than any send takes. Default 5 minutes.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often each node writes the notices that fell due (reminders, no-shows, suspensions). Default 1 minute.</summary>
    public TimeSpan NoticeSweepPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Hospital time, on the day before a visit, from which its reminder is written: early enough to cancel free (the
    /// cutoff is 16:00 the day before by default). Default 10:00.
    /// </summary>
    public TimeOnly ReminderTime { get; set; } = new(10, 0);

    /// <summary>No-shows older than this get no notice (a node first started on an old database does not send the history). Default 3 days.</summary>
    public TimeSpan NoShowNoticeWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The delay before attempt number <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan RetryDelay(int failedAttempts) => FirstRetryDelay * Math.Pow(2, Math.Max(0, failedAttempts - 1));

    /// <summary>Throws when a value is out of range; call once at start-up.</summary>
    public void Validate()
    {
        if (DispatchPeriod <= TimeSpan.Zero || NoticeSweepPeriod <= TimeSpan.Zero || FirstRetryDelay <= TimeSpan.Zero || ClaimLease <= TimeSpan.Zero
            || NoShowNoticeWindow <= TimeSpan.Zero)
            throw new InvalidOperationException("Notifications: DispatchPeriod, NoticeSweepPeriod, FirstRetryDelay, ClaimLease and NoShowNoticeWindow must be positive.");
        if (BatchSize < 1 || MaxAttempts < 1) throw new InvalidOperationException("Notifications: BatchSize and MaxAttempts must be at least 1.");
    }
}
