namespace Hospital.LoadTests.Scenarios;

/// <summary>The shape of a release burst: patients prepared beforehand, sessions opening at T0, their quota, and how far ahead T0 is set.</summary>
public sealed record BurstSettings(int Patients, int Sessions, int Quota, TimeSpan Lead);
