namespace Hospital.Grains.Notices;

/// <summary>The outbox <c>kind</c> of each notice (at most 32 characters, the column's width).</summary>
public static class NoticeKinds
{
    public const string DayBeforeReminder = "visit.reminder";
    public const string NoShow = "visit.no_show";
    public const string CancellationSuspension = "patient.suspended";
    public const string SuspensionLifted = "patient.suspension_lifted";
    public const string ReleaseOpening = "release.opening";
    public const string SessionStopped = "session.stopped";
    public const string LatePaymentRefunded = "payment.refunded";
}
