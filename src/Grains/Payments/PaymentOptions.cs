namespace Hospital.Grains.Payments;

/// <summary>How payment orders wait for the gateway (section "Payments").</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>How long an order waits for a notification before it asks the gateway itself.</summary>
    public TimeSpan QueryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the payment sweep looks for orders due a query, a close or an unfinished settlement.</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromSeconds(30);

    public void Validate()
    {
        if (QueryAfter <= TimeSpan.Zero) throw new InvalidOperationException("QueryAfter must be positive.");
        if (SweepPeriod <= TimeSpan.Zero) throw new InvalidOperationException("SweepPeriod must be positive.");
    }
}
