namespace Hospital.Api.Infrastructure.Auth;

/// <summary>
/// The first hospital admin, created at start while no hospital admin exists (section "Auth:InitialAdmin"). Unset by
/// default; appsettings.Development.json sets a dev-only one. The password must be changed at first login.
/// </summary>
public sealed class InitialAdminOptions
{
    public const string Section = "Auth:InitialAdmin";

    public string? StaffId { get; set; }

    public string DisplayName { get; set; } = "Hospital admin";

    /// <summary>Set it from a secret store or environment variable (Auth__InitialAdmin__Password), never in a committed file outside Development.</summary>
    public string? Password { get; set; }
}
