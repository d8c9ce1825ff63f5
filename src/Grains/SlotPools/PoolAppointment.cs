using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Rules;

namespace Hospital.Grains.SlotPools;

/// <summary>An appointment row as its slot pool holds it. Immutable: every change is a new record, so a batch can keep it as written.</summary>
public sealed record PoolAppointment(
    string Id,
    string SessionId,
    int SlotNo,
    string PatientId,
    BookingChannel Channel,
    AppointmentStatus Status,
    decimal Fee,
    DateTimeOffset HeldAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? BookedAt,
    string? PaymentRef,
    decimal? RefundAmount,
    int RescheduleCount,
    string? RescheduledFrom,
    string? IdempotencyKey,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Whether this appointment keeps its slot from being sold again.</summary>
    public bool OccupiesSlot => AppointmentLifecycle.OccupiesSlot(Status);
}
