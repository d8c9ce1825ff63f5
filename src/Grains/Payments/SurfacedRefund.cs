using Hospital.Grains.Abstractions.Payments;

namespace Hospital.Grains.Payments;

/// <summary>A refund part that failed after all its retries, as admins see it.</summary>
public sealed record SurfacedRefund(
    string RefundId, string OrderId, string AppointmentId, PaymentPart Part, decimal Amount, int Attempts, string? LastError, DateTimeOffset SurfacedAt);
