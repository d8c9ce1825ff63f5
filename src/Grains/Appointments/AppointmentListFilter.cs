using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Appointments;

/// <summary>
/// Which of a patient's appointments a list shows. Empty <paramref name="Statuses"/> means every status; a null
/// <paramref name="DepartmentIds"/> every department (staff scoped to departments see only theirs).
/// </summary>
/// <remarks><para><c>Timing</c>: relative to <paramref name="Today"/>, the hospital's date: upcoming visits are today or later.</para></remarks>
public sealed record AppointmentListFilter(
    IReadOnlyList<AppointmentStatus> Statuses, VisitTiming? Timing, DateOnly Today, IReadOnlyList<int>? DepartmentIds = null);
