namespace Hospital.Grains.Patients;

/// <summary>The outcome of registering a patient: the patient, and whether this call created it.</summary>
public sealed record PatientRegistration(PatientView Patient, bool Created);
