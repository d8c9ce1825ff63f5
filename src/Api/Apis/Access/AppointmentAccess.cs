using System.Security.Claims;
using Hospital.Api.Infrastructure.Auth;
using Hospital.Grains.Abstractions.Accounts;
using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Appointments;
using Hospital.Grains.Catalog;

namespace Hospital.Api.Apis.Access;

/// <summary>
/// Which staff may book a channel or touch an appointment, as pure rules over the token's claims and the session. Patient
/// accounts are not decided here: they book the App channel, and touch exactly the appointments of the patients on their account.
/// </summary>
public static class AppointmentAccess
{
    /// <summary>App: patients; PhoneWindow: window clerks of the session's department; DoctorAddOn: the session's own doctor.</summary>
    public static bool MayBook(ClaimsPrincipal user, BookingChannel channel, SessionDefinition session) => channel switch
    {
        BookingChannel.App => user.IsInRole(HospitalRoles.Patient),
        BookingChannel.PhoneWindow => user.IsInRole(HospitalRoles.WindowClerk) && user.WorksIn(session.DepartmentId),
        BookingChannel.DoctorAddOn => user.IsInRole(HospitalRoles.Doctor) && user.DoctorId() == session.DoctorId,
        _ => false,
    };

    /// <summary>
    /// Window clerks pay, cancel and move the window's and add-ons' appointments of their departments (the patients pay at the
    /// window); the session's doctor and the department's admins read them; nobody else on staff sees them.
    /// </summary>
    public static bool StaffMay(ClaimsPrincipal user, BookingChannel channel, SessionOwner session, bool changes) =>
        (user.IsInRole(HospitalRoles.WindowClerk) && channel != BookingChannel.App && user.WorksIn(session.DepartmentId))
        || (!changes && StaffMayRead(user, session.DoctorId, session.DepartmentId));

    /// <summary>Who on staff reads a session's appointments: its doctor, its department's admins and hospital admins.</summary>
    public static bool StaffMayRead(ClaimsPrincipal user, int doctorId, int departmentId) =>
        (user.IsInRole(HospitalRoles.Doctor) && user.DoctorId() == doctorId) || user.MayAdministerDepartment(departmentId);
}
