namespace Hospital.LoadTests.Scenarios;

/// <summary>The shape of a release burst: patients prepared beforehand, sessions opening at T0, their quota, and how far ahead T0 is set.</summary>
/// <remarks>
/// <para><c>Rehearse</c>: whether the patients first book in already open sessions (<see cref="ReleaseRehearsal"/>).</para>
/// <para><c>T0File</c>: where to write T0 (Unix seconds) once it is known, so a script can start a profiler just before it.</para>
/// <para><c>AdminTarget</c>: where the department is set up and its sessions looked up (null: the run's target). Each node
/// checks admin changes against its own catalog, so behind a round-robin balancer the set-up must stay on one node, as an
/// admin console's requests do behind the session hash.</para>
/// <para><c>Waitlist</c>: patients who join the waitlists of sessions the burst sells out, while some holders there cancel (<see cref="Waitlists.WaitlistRound"/>); 0: none.</para>
/// </remarks>
public sealed record BurstSettings(int Patients, int Sessions, int Quota, TimeSpan Lead, string? T0File, Uri? AdminTarget, bool Rehearse, int Waitlist = 0);
