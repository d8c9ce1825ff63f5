using System.Diagnostics.Metrics;

namespace Hospital.Grains.SlotPools;

/// <summary>
/// Committed lifecycle transitions by the status they lead to: holds, bookings (paid), cancellations, hold expiries,
/// doctor stops. Counted from the audit rows of each committed batch, so a write that failed counts nothing.
/// </summary>
public sealed class AppointmentMetrics
{
    /// <summary>The meter of the slot pools' own figures.</summary>
    public const string Meter = "Hospital.SlotPools";

    /// <summary>Counter, tagged <c>status</c>: appointments that entered that status.</summary>
    public const string Transitions = "hospital.appointments.transitions";

    private readonly Counter<long> _transitions;

    public AppointmentMetrics(IMeterFactory meterFactory) =>
        _transitions = meterFactory.Create(Meter).CreateCounter<long>(Transitions, "{appointment}", "Appointments that entered a status, as committed.");

    public void Committed(PoolBatch batch)
    {
        foreach (var audit in batch.Audits) _transitions.Add(1, new KeyValuePair<string, object?>("status", audit.To.ToString()));
    }
}
