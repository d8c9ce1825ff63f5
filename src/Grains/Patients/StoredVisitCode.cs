namespace Hospital.Grains.Patients;

/// <summary>A patient's visit code as stored: a keyed hash to check it and the ciphertext to show it, never the code itself.</summary>
public sealed record StoredVisitCode(string PatientId, string CodeHash, string CodeProtected, DateTimeOffset IssuedAt);
