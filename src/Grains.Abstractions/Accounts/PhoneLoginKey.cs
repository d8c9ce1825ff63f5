namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>The one way a phone's grain key is built: from the phone's keyed fingerprint, so no key or log holds the number.</summary>
public static class PhoneLoginKey
{
    private const string Prefix = "phone:";

    public static string FromFingerprint(string phoneFingerprint) => Prefix + phoneFingerprint;
}
