using Hospital.Grains.Patients;

namespace Hospital.Grains.Accounts;

/// <summary>The patient an account may now put on its list, or, when it used up its visit code tries, how long until it may try again.</summary>
public sealed record Admission(StoredPatient? Patient, TimeSpan RetryAfter);
