namespace Hospital.Api.Tests.Access;

/// <summary>
/// The callers the role matrix tries. Patient A owns the appointment and patient the requests name; the doctor holds the
/// appointment's session; "other" staff work in another department.
/// </summary>
public enum Role
{
    Anonymous,
    PatientB,
    Doctor,
    OtherDoctor,
    Clerk,
    DepartmentAdmin,
    OtherDepartmentAdmin,
    HospitalAdmin,
    // Last: A's own calls (pay, cancel, remove the patient) change what the others' calls would find.
    PatientA,
}
