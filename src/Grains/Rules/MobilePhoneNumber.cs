using System.Text.RegularExpressions;

namespace Hospital.Grains.Rules;

/// <summary>Mainland China mobile numbers: 11 digits, starting 13–19 (e.g. 13812345678).</summary>
public static partial class MobilePhoneNumber
{
    public const string InvalidMessage = "A mobile number has 11 digits and starts with 13–19.";

    /// <summary>Whether <paramref name="phone"/> is exactly a mainland mobile number (no spaces, no +86).</summary>
    public static bool IsValid(string? phone) => phone is not null && Pattern().IsMatch(phone);

    [GeneratedRegex(@"^1[3-9][0-9]{9}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
