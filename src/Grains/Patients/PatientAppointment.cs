using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Rules;

namespace Hospital.Grains.Patients;

/// <summary>What a patient grain remembers of one of its appointments, enough to apply the patient's limits.</summary>
public sealed record PatientAppointment(
    string Id,
    string SessionId,
    int DepartmentId,
    DateOnly VisitDate,
    AppointmentStatus Status,
    DateTimeOffset HeldAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset UpdatedAt,
    string? IdempotencyKey,
    string? RescheduledFrom)
{
    /// <summary>Whether the appointment still counts as the patient's booking at <paramref name="now"/> (an unpaid hold past its window does not).</summary>
    public bool IsLive(DateTimeOffset now) =>
        AppointmentLifecycle.OccupiesSlot(Status) && !(Status == AppointmentStatus.Held && ExpiresAt <= now);

    public static PatientAppointment From(AppointmentView view, int departmentId, DateOnly visitDate, string? idempotencyKey, DateTimeOffset now) =>
        new(view.Id, view.SessionId, departmentId, visitDate, view.Status, view.HeldAt, view.ExpiresAt, now, idempotencyKey, view.RescheduledFrom);
}
