namespace Hospital.Api.Infrastructure.Auth;

/// <summary>The claims our access tokens carry (short JWT names, not mapped to .NET's long URIs).</summary>
public static class HospitalClaims
{
    /// <summary>The account id of a patient, the staff id of a staff user.</summary>
    public const string Subject = "sub";
    /// <summary><see cref="PatientKind"/> or <see cref="StaffKind"/>.</summary>
    public const string Kind = "kind";
    public const string Role = "role";
    /// <summary>One claim per department in a staff user's scope.</summary>
    public const string Department = "dept";
    public const string DoctorId = "doctor_id";
    /// <summary>Present only on a token that may do nothing but change the initial password (value <see cref="PasswordChangeScope"/>).</summary>
    public const string Scope = "scope";
    /// <summary>The refresh token family the access token was issued with: one login on one device.</summary>
    public const string Session = "sid";

    public const string PatientKind = "patient";
    public const string StaffKind = "staff";
    public const string PasswordChangeScope = "password_change";
}
