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

    /// <summary>
    /// This appointment with the fields a lifecycle transition may change taken from <paramref name="next"/>. Every other
    /// field is fixed when the appointment is created, and storage updates only these (AppointmentRow.LifecycleColumns).
    /// </summary>
    public PoolAppointment WithLifecycleOf(PoolAppointment next) => this with
    {
        Status = next.Status, BookedAt = next.BookedAt, PaymentRef = next.PaymentRef, RefundAmount = next.RefundAmount, UpdatedAt = next.UpdatedAt,
    };
}
