using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Appointments;
using Hospital.Grains.Browsing;
using Hospital.Grains.Rules;

namespace Hospital.Api.Apis.Contracts;

/// <summary>
/// An appointment in a list: when and with whom, its patient (name, ID number and phone masked) and status. The full
/// appointment with its slot time is GET /api/appointments/{id}. A retired doctor keeps their name here.
/// </summary>
public sealed record AppointmentListItemResponse(
    string Id, string SessionId, DateOnly VisitDate, SessionPeriod Period, int SlotNo, int DoctorId, string DoctorName,
    int DepartmentId, string DepartmentName, string PatientId, string PatientName, string PatientIdNumber, string PatientPhone,
    BookingChannel Channel, AppointmentStatus Status, string FhirStatus, decimal Fee)
{
    public static AppointmentListItemResponse From(AppointmentListItem a, CatalogSnapshot catalog) => new(
        a.Id, a.SessionId, a.VisitDate, a.Period, a.SlotNo, a.DoctorId, catalog.FindDoctor(a.DoctorId)?.Name ?? "", a.DepartmentId,
        catalog.FindDepartment(a.DepartmentId)?.Name ?? "", a.PatientId, a.PatientNameMasked, a.PatientIdNumberMasked, a.PatientPhoneMasked,
        a.Channel, a.Status, a.Status.ToFhirCode(), a.Fee);
}
