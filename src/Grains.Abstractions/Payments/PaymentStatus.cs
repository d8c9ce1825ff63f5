namespace Hospital.Grains.Abstractions.Payments;

/// <summary>Where a payment order stands. Paid, Failed, Closed and Refunded are final, except that money the gateway confirms always wins.</summary>
public enum PaymentStatus
{
    /// <summary>Recorded by us; the gateway has not answered the order yet.</summary>
    Created,
    /// <summary>Open at the gateway: the patient can pay at the cashier.</summary>
    Pending,
    /// <summary>The gateway confirmed the money.</summary>
    Paid,
    /// <summary>The gateway reported the payment failed.</summary>
    Failed,
    /// <summary>Closed unpaid because the hold expired.</summary>
    Closed,
    /// <summary>Paid after the hold could no longer be booked: refunded in full, part by part (see the order's refunds).</summary>
    Refunded,
}
