using System.ComponentModel.DataAnnotations;

namespace Hospital.Silo.Privacy;

/// <summary>Keys that protect personal data at rest (section "Privacy"). Every node of one hospital needs the same key.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>A base64 256-bit key. The development default in appsettings.Development.json must never reach production.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9+/]{43}=$", ErrorMessage = "Privacy:DataKey must be a base64-encoded 32-byte key.")]
    public string DataKey { get; set; } = "";
}
