using Hospital.Grains.Rules;

namespace Hospital.Grains.Patients;

/// <summary>
/// A person as a request names them, checked (real name, GB 11643 ID number, mainland mobile) and with the ID number already
/// reduced to its keyed fingerprint and mask: the number itself goes no further than the check.
/// </summary>
public sealed record PatientIdentity(string Name, string Phone, string IdNumberFingerprint, string IdNumberMasked, DateOnly BirthDate, Sex Sex);
