using Hospital.Grains.Rules;

namespace Hospital.Grains.Patients;

/// <summary>
/// A patient as stored: the ID number only as a keyed fingerprint and a mask, the phone masked and encrypted
/// (the SMS sender needs it back), so a leaked table reveals no ID numbers or phone numbers.
/// </summary>
public sealed record StoredPatient(
    string Id,
    string Name,
    string IdNumberFingerprint,
    string IdNumberMasked,
    string PhoneMasked,
    string PhoneProtected,
    DateOnly BirthDate,
    Sex Sex,
    DateTimeOffset CreatedAt);
