namespace Hospital.Silo.RealName;

/// <summary>Which real-name service checks that a phone belongs to a new patient (section "RealName"), validated at start.</summary>
public sealed class RealNameOptions
{
    public const string Section = "RealName";

    /// <summary>The name of the development verifier, which accepts every well-formed person and logs that it did.</summary>
    public const string DevelopmentVerifier = "Development";

    /// <summary>
    /// The provider: <see cref="DevelopmentVerifier"/> (appsettings.Development.json sets it; refused in Production), or unset,
    /// in which case a person new here cannot be added by phone: a clerk registers them at the window after seeing their ID
    /// card (POST /api/staff/patients) with the phone of the account that will book for them, which can then add them. A real
    /// provider adds its name here and its own section of settings.
    /// </summary>
    public string? Verifier { get; set; }
}
