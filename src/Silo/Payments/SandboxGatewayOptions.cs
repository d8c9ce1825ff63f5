namespace Hospital.Silo.Payments;

/// <summary>
/// The sandbox gateway (section "Payments:Sandbox"): the secret both sides sign callbacks with, where it reaches us, and
/// the faults it can inject for tests and load runs. The secret is validated at start by the API (only Development has a default).
/// </summary>
public sealed class SandboxGatewayOptions
{
    public const string Section = "Payments:Sandbox";
    public const int MinSecretBytes = 32;

    public string Secret { get; set; } = "";

    /// <summary>Our own address as the gateway sees it: cashier links point there and notifications are posted there.</summary>
    public Uri BaseUrl { get; set; } = new("http://localhost:8080");

    /// <summary>How long after a payment its notification is first sent.</summary>
    public TimeSpan NotifyDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Extra copies of every notification (each signed with its own nonce, as a gateway retrying would).</summary>
    public int DuplicateNotifications { get; set; }

    /// <summary>Share of paid orders and succeeded refunds whose notification is followed by a stale "failed" one.</summary>
    public double OutOfOrderRate { get; set; }

    /// <summary>Share of payments at the cashier that fail (declined card, insufficient balance).</summary>
    public double FailureRate { get; set; }

    /// <summary>Share of refund attempts that fail (the original account closed, the insurance settlement rejected).</summary>
    public double RefundFailureRate { get; set; }

    /// <summary>Share of calls to the gateway (create, query, close, refund, refund query) that time out.</summary>
    public double TimeoutRate { get; set; }

    /// <summary>Share of notifications never sent, so only the active query learns of the payment.</summary>
    public double LostNotificationRate { get; set; }

    /// <summary>Deliveries of one notification before the gateway gives up (the first wait is one second, doubling).</summary>
    public int DeliveryAttempts { get; set; } = 6;
}
