namespace Hospital.LoadTests.Scenarios;

/// <summary>The shape of a release burst: patients prepared beforehand, sessions opening at T0, their quota, and how far ahead T0 is set.</summary>
/// <remarks><para><c>T0File</c>: where to write T0 (Unix seconds) once it is known, so a script can start a profiler just before it.</para></remarks>
public sealed record BurstSettings(int Patients, int Sessions, int Quota, TimeSpan Lead, string? T0File);
