namespace Hospital.Grains.Abstractions.Payments;

/// <summary>Where one part's refund stands: Requested → Processing → Succeeded | Failed; a failed one is retried until it succeeds or surfaces to admins.</summary>
public enum RefundStatus
{
    /// <summary>Recorded by us; not yet accepted by the gateway.</summary>
    Requested,
    /// <summary>Accepted by the gateway; its notification (or our query) tells the outcome.</summary>
    Processing,
    /// <summary>The money is back on its original path.</summary>
    Succeeded,
    /// <summary>The gateway refused or failed it; retried by the payment sweep.</summary>
    Failed,
}
