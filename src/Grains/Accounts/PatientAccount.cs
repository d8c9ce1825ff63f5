namespace Hospital.Grains.Accounts;

/// <summary>A patient's login account, one per phone: the phone's keyed fingerprint (to find it), mask (to show) and ciphertext (to text it).</summary>
public sealed record PatientAccount(string Id, string PhoneFingerprint, string PhoneMasked, string PhoneProtected, DateTimeOffset CreatedAt);
