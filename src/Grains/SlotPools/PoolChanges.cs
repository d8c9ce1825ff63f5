namespace Hospital.Grains.SlotPools;

/// <summary>The rows one decision adds or changes; written with the rest of its batch in one transaction.</summary>
public sealed class PoolChanges
{
    /// <summary>Appointments this decision created, as they stand after it.</summary>
    public List<PoolAppointment> Created { get; } = [];

    /// <summary>Existing appointments this decision changed, as they stand after it.</summary>
    public List<PoolAppointment> Updated { get; } = [];

    public List<AuditEntry> Audits { get; } = [];

    public List<PaymentRecord> Payments { get; } = [];

    public List<RefundRecord> Refunds { get; } = [];

    public List<NotificationRecord> Notifications { get; } = [];

    /// <summary>Waitlist entries this decision created, as they stand after it.</summary>
    public List<WaitlistEntry> WaitlistCreated { get; } = [];

    /// <summary>Existing waitlist entries this decision changed (only their status and time change).</summary>
    public List<WaitlistEntry> WaitlistUpdated { get; } = [];

    /// <summary>Whether the session row itself changed (e.g. stopped), beyond its counters.</summary>
    public bool SessionChanged { get; init; }

    /// <summary>Records a lifecycle transition: the new row and its audit entry. Only the lifecycle fields may change.</summary>
    public void Transition(PoolAppointment before, PoolAppointment after, string actor, string reason)
    {
        // Storage writes only the lifecycle fields of an update: any other change would be lost, so it is refused here.
        if (before.WithLifecycleOf(after) != after)
            throw new InvalidOperationException($"A transition of appointment {after.Id} changed a field that is fixed at creation.");
        Updated.Add(after);
        Audits.Add(new AuditEntry(after.Id, after.UpdatedAt, actor, before.Status, after.Status, reason));
    }

    /// <summary>Records a new appointment and its audit entry.</summary>
    public void Create(PoolAppointment created, string actor, string reason)
    {
        Created.Add(created);
        Audits.Add(new AuditEntry(created.Id, created.UpdatedAt, actor, null, created.Status, reason));
    }
}
