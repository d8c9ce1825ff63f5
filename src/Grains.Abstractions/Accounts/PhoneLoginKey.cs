namespace Hospital.Grains.Abstractions.Accounts;

/// <summary>
/// The one way an SMS code grain's key is built: from the phone's keyed fingerprint, so no key or log holds the number. A
/// login code is per phone; a code to add a patient is per account and phone, so it proves the phone to that account alone.
/// </summary>
public static class PhoneLoginKey
{
    private const string Prefix = "phone:";
    private const string AddPatientPrefix = "add-patient:";

    public static string FromFingerprint(string phoneFingerprint) => Prefix + phoneFingerprint;

    public static string ForAddingPatient(string accountId, string phoneFingerprint) => $"{AddPatientPrefix}{accountId}:{phoneFingerprint}";

    public static SmsCodePurpose PurposeOf(string key) =>
        key.StartsWith(AddPatientPrefix, StringComparison.Ordinal) ? SmsCodePurpose.AddPatient : SmsCodePurpose.Login;
}
