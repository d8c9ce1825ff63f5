using static Hospital.Api.Tests.Access.Role;

namespace Hospital.Api.Tests.Access;

/// <summary>
/// Who may call each operation of the OpenAPI document: the table <see cref="RoleMatrixContract"/> checks. Every operation
/// needs a row, so a new endpoint cannot ship without someone deciding who may call it.
/// </summary>
public static class RoleMatrix
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();
    private static readonly Role[] SignedIn = [.. Everyone.Except([Anonymous])];
    private static readonly Role[] Staff = [Doctor, OtherDoctor, Clerk, DepartmentAdmin, OtherDepartmentAdmin, HospitalAdmin];
    private static readonly Role[] Patients = [PatientA, PatientB];
    private static readonly Role[] Admins = [DepartmentAdmin, HospitalAdmin];
    // Admin lists let every admin in and show each only their departments' items.
    private static readonly Role[] AnyAdmin = [DepartmentAdmin, OtherDepartmentAdmin, HospitalAdmin];
    // The session's (and appointment's) doctor and its department's admins; clerks only for window and add-on appointments.
    private static readonly Role[] SessionReaders = [Doctor, DepartmentAdmin, HospitalAdmin];
    // An App-channel appointment: its account changes it; its session's doctor and its department's admins read it.
    private static readonly Role[] AppointmentReaders = [PatientA, Doctor, DepartmentAdmin, HospitalAdmin];

    public static IReadOnlyDictionary<string, Role[]> Allowed { get; } = new Dictionary<string, Role[]>
    {
        ["GET /api/departments"] = Everyone,
        ["GET /api/departments/{id}/calendar"] = Everyone,
        ["GET /api/doctors"] = Everyone,
        ["GET /api/doctors/{id}/calendar"] = Everyone,
        ["GET /api/sessions/{id}"] = Everyone,
        ["GET /api/stream/availability"] = Everyone,
        ["GET /api/stream/queues/{sessionId}"] = Everyone,
        ["GET /api/stream/appointments/{id}/position"] = AppointmentReaders,

        ["POST /api/auth/sms-codes"] = Everyone,
        ["POST /api/auth/login"] = Everyone,
        ["POST /api/auth/refresh"] = Everyone,
        ["POST /api/auth/logout"] = SignedIn,
        ["GET /api/me"] = SignedIn,
        ["GET /api/me/export"] = Patients,
        ["DELETE /api/me"] = Patients,
        
        ["POST /api/staff/login"] = Everyone,
        ["POST /api/staff/password"] = Staff,
        ["POST /api/staff/users"] = [HospitalAdmin],

        ["POST /api/patients"] = Patients,
        ["GET /api/patients"] = Patients,
        ["GET /api/patients/{id}"] = [PatientA],
        ["DELETE /api/patients/{id}"] = [PatientA],
        // Another department's admin gets the patient's appointments in their departments: none here, but not refused.
        ["GET /api/patients/{id}/appointments"] = [PatientA, .. AnyAdmin],
        ["POST /api/patients/{id}/waitlists"] = [PatientA],
        ["GET /api/patients/{id}/waitlists"] = [PatientA],
        ["GET /api/patients/{id}/waitlists/{sessionId}"] = [PatientA],
        ["DELETE /api/patients/{id}/waitlists/{sessionId}"] = [PatientA],
        ["GET /api/sessions/{id}/appointments"] = SessionReaders,
        ["GET /api/appointments/{id}/audit"] = SessionReaders,
        ["POST /api/patients/sms-codes"] = Patients,
        ["GET /api/patients/{id}/visit-code"] = [PatientA],
        ["POST /api/patients/{id}/visit-code"] = [PatientA],
        ["GET /api/patients/{id}/record"] = [PatientA],
        ["PUT /api/patients/{id}/release-watches/{departmentId}/{date}"] = [PatientA],
        ["GET /api/staff/patients/{id}/record"] = [Clerk, HospitalAdmin],
        ["POST /api/staff/patients"] = [Clerk, HospitalAdmin],
        ["GET /api/staff/patients"] = [Clerk, HospitalAdmin],

        ["POST /api/appointments"] = [PatientA],
        ["GET /api/appointments/{id}"] = AppointmentReaders,
        ["GET /api/appointments/{id}/refund-quote"] = AppointmentReaders,
        ["POST /api/appointments/{id}/pay"] = [PatientA],
        ["GET /api/appointments/{id}/payments"] = AppointmentReaders,
        ["GET /api/appointments/{id}/ticket"] = AppointmentReaders,
        ["GET /api/appointments/{id}/ticket.svg"] = AppointmentReaders,
        ["GET /api/appointments/{id}/ticket.png"] = AppointmentReaders,
        ["POST /api/appointments/{id}/payments"] = [PatientA],
        // The gateway has no account: its notification is anonymous by design and authenticated by its signature (an unsigned
        // call is refused as payment.signature_invalid, not auth.unauthenticated). The sandbox cashier page is not in the document.
        ["POST /api/payments/callbacks/sandbox"] = Everyone,
        ["POST /api/payments/callbacks/sandbox/refunds"] = Everyone,
        ["GET /api/admin/refunds/surfaced"] = [HospitalAdmin],
        ["POST /api/admin/refunds/{orderId}/{refundId}/retry"] = [HospitalAdmin],
        ["POST /api/appointments/{id}/cancel"] = [PatientA],
        ["POST /api/appointments/{id}/reschedule"] = [PatientA],

        // A window clerk of the session's department (a kiosk signs in as one).
        ["POST /api/check-in"] = [Clerk],
        ["POST /api/check-in/ticket"] = [Clerk],
        // Every doctor lists their own sessions (none, for the other doctor).
        ["GET /api/doctor/sessions"] = [Doctor, OtherDoctor],
        ["GET /api/doctor/sessions/{id}/queue"] = SessionReaders,
        ["POST /api/doctor/sessions/{id}/queue/next"] = [Doctor],
        ["POST /api/doctor/sessions/{id}/queue/recall"] = [Doctor],
        ["POST /api/doctor/sessions/{id}/queue/skip"] = [Doctor],
        ["POST /api/doctor/sessions/{id}/queue/place"] = [Doctor],
        ["POST /api/doctor/appointments/{id}/start"] = [Doctor],
        ["POST /api/doctor/appointments/{id}/complete"] = [Doctor],

        ["PUT /api/admin/departments/{id}"] = Admins,
        ["PUT /api/admin/rooms/{code}"] = Admins,
        ["PUT /api/admin/doctors/{id}"] = Admins,
        ["PUT /api/admin/doctors/{id}/templates/{weekday}/{period}"] = Admins,
        ["GET /api/admin/catalog/skipped-rows"] = [HospitalAdmin],
        ["POST /api/admin/sessions/{id}/stop"] = Admins,
        ["GET /api/admin/departments"] = AnyAdmin,
        ["GET /api/admin/departments/{id}"] = Admins,
        ["GET /api/admin/doctors"] = AnyAdmin,
        ["GET /api/admin/doctors/{id}"] = Admins,
        ["GET /api/admin/doctors/{id}/templates"] = Admins,
        ["GET /api/admin/rooms"] = AnyAdmin,
        ["GET /api/admin/rooms/{code}"] = Admins,
        ["POST /api/admin/doctors/{id}/retire"] = Admins,
        ["DELETE /api/admin/doctors/{id}/templates/{weekday}/{period}"] = Admins,
        ["GET /api/admin/flags"] = [HospitalAdmin],
        ["POST /api/admin/accounts/{id}/freeze"] = [HospitalAdmin],
        ["POST /api/admin/accounts/{id}/unfreeze"] = [HospitalAdmin],
        ["POST /api/admin/patients/{id}/freeze"] = [HospitalAdmin],
        ["POST /api/admin/patients/{id}/unfreeze"] = [HospitalAdmin],
        ["GET /api/admin/reconciliations/provisional"] = [HospitalAdmin],
        ["GET /api/admin/reconciliations/{day}"] = [HospitalAdmin],
        ["GET /api/admin/reconciliations/{day}/csv"] = [HospitalAdmin],
        ["POST /api/admin/reconciliations/{day}"] = [HospitalAdmin],
        ["POST /api/admin/patients/{id}/suspension/lift"] = [HospitalAdmin],
    };
}
