namespace Hospital.Grains.Abstractions.Payments;

/// <summary>What a gateway says of an order, in a notification or an answer to a query.</summary>
public enum GatewayPaymentState
{
    NotPaid,
    Paid,
    Failed,
    Closed,
}
