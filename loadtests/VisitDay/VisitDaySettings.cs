namespace Hospital.LoadTests.VisitDay;

/// <summary>The shape of a visit day: sessions of today, patients booked into each, board screens per session, and the normal-day mix beside it.</summary>
/// <remarks>
/// <para><c>Grace</c>: how long after the morning (the run's --duration) the doctors may take to see the last patients.</para>
/// <para><c>BackgroundPatients</c> / <c>BackgroundUsers</c>: patients (and users) who meanwhile browse and book other days (<see cref="Scenarios.PatientVisit"/>).</para>
/// </remarks>
public sealed record VisitDaySettings(int Sessions, int PatientsPerSession, int BoardsPerSession, int BackgroundPatients, int BackgroundUsers, TimeSpan Grace);
