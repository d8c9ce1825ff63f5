namespace Hospital.Grains.Payments;

/// <summary>How payment orders wait for the gateway and retry refunds (section "Payments").</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>How long an order waits for a notification before it asks the gateway itself.</summary>
    public TimeSpan QueryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the payment sweep looks for orders due a query, a close, an unfinished settlement or a refund step.</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Submissions of one refund part to the gateway before its failure surfaces to admins.</summary>
    public int RefundAttempts { get; set; } = 5;

    /// <summary>How long a failed refund part waits before the sweep submits it again.</summary>
    public TimeSpan RefundRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Lets a patient book a held slot with no payment at all (POST /api/appointments/{id}/pay), for Development and load runs
    /// that do not exercise the gateway. Off by default: wherever it is on, nobody needs to pay.
    /// </summary>
    public bool UnpaidBookingShortcut { get; set; }

    public void Validate()
    {
        if (RefundAttempts < 1) throw new InvalidOperationException("RefundAttempts must be at least 1.");
        if (RefundRetryAfter <= TimeSpan.Zero) throw new InvalidOperationException("RefundRetryAfter must be positive.");
        if (QueryAfter <= TimeSpan.Zero) throw new InvalidOperationException("QueryAfter must be positive.");
        if (SweepPeriod <= TimeSpan.Zero) throw new InvalidOperationException("SweepPeriod must be positive.");
    }
}
