namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>The roles of issue 19, as they appear in the <c>role</c> claim of an access token. One name each, used everywhere.</summary>
public static class HospitalRoles
{
    public const string Patient = "patient";
    public const string Doctor = "doctor";
    public const string WindowClerk = "window_clerk";
    /// <summary>Administers the departments in the staff user's scope only.</summary>
    public const string DepartmentAdmin = "department_admin";
    /// <summary>Administers the whole hospital.</summary>
    public const string HospitalAdmin = "hospital_admin";

    /// <summary>The roles a staff user can hold (every role but <see cref="Patient"/>).</summary>
    public static IReadOnlyList<string> Staff { get; } = [Doctor, WindowClerk, DepartmentAdmin, HospitalAdmin];
}
