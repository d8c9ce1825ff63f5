namespace Hospital.Silo.Privacy;

/// <summary>
/// Keys that protect personal data at rest (section "Privacy"), validated at start by <see cref="PrivacyOptionsValidator"/>.
/// Every node of one hospital needs the same key.
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>A base64 256-bit key. The development default in appsettings.Development.json must never reach production.</summary>
    public string DataKey { get; set; } = "";
}
