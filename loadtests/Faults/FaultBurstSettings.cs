namespace Hospital.LoadTests.Faults;

/// <summary>The shape of a fault run's burst and the files it shares with the script that brings the fault.</summary>
/// <remarks>
/// <para><c>Span</c>: the bookings are spread evenly over it, so a fault brought a few seconds in lands mid-burst.</para>
/// <para><c>PayWithin</c>: each patient pays between 0 and this long after its hold is acknowledged.</para>
/// <para><c>RequestTimeout</c>: how long a client waits for one answer of the burst before it sends the request again.</para>
/// <para><c>StartedFile</c>: written (Unix milliseconds) when the first booking is due, for the script to time the fault.</para>
/// <para><c>FaultFile</c>: written by the script (Unix milliseconds) when it brought the fault; read at the end.</para>
/// <para><c>StateFile</c>: where the burst writes what was acknowledged (<see cref="FaultBurstState"/>).</para>
/// </remarks>
public sealed record FaultBurstSettings(
    string Fault, int Patients, int Sessions, int Quota, TimeSpan Span, TimeSpan PayWithin, TimeSpan RequestTimeout, string? StartedFile,
    string? FaultFile, string StateFile);
