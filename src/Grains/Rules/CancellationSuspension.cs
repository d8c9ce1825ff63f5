namespace Hospital.Grains.Rules;

/// <summary>Monthly cancellation limit: reaching it suspends new bookings until the first day of the next month.</summary>
public static class CancellationSuspension
{
    public const string SuspendedCode = "patient.suspended";

    /// <summary>
    /// The date new bookings are allowed again (first day of next month), or null when not suspended.
    /// <paramref name="cancellationsThisMonth"/> counts patient cancellations in <paramref name="today"/>'s calendar month.
    /// </summary>
    public static DateOnly? SuspendedUntil(int cancellationsThisMonth, DateOnly today, CancellationRulesOptions options) =>
        cancellationsThisMonth >= options.MaxCancellationsPerMonth
            ? new DateOnly(today.Year, today.Month, 1).AddMonths(1)
            : null;
}
