using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.Appointments;

/// <summary>One appointment in a list, with its session's place and time and its patient's personal data already masked.</summary>
public sealed record AppointmentListItem(
    string Id,
    string SessionId,
    int DoctorId,
    int DepartmentId,
    DateOnly VisitDate,
    SessionPeriod Period,
    int SlotNo,
    string PatientId,
    string PatientNameMasked,
    string PatientIdNumberMasked,
    string PatientPhoneMasked,
    BookingChannel Channel,
    AppointmentStatus Status,
    decimal Fee);
