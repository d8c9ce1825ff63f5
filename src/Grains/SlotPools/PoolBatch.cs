using Hospital.Grains.Abstractions.Booking;

namespace Hospital.Grains.SlotPools;

/// <summary>
/// Everything one group commit writes in a single transaction: the session row (checked against
/// <see cref="ExpectedVersion"/>) and the rows of every decision in the batch, each appointment at its latest state.
/// </summary>
public sealed record PoolBatch(
    string SessionId,
    long ExpectedVersion,
    SessionStatus Status,
    int HeldCount,
    int BookedCount,
    IReadOnlyList<PoolAppointment> Inserts,
    IReadOnlyList<PoolAppointment> Updates,
    IReadOnlyList<AuditEntry> Audits,
    IReadOnlyList<PaymentRecord> Payments,
    IReadOnlyList<RefundRecord> Refunds,
    IReadOnlyList<NotificationRecord> Notifications,
    IReadOnlyList<WaitlistEntry> WaitlistInserts,
    IReadOnlyList<WaitlistEntry> WaitlistUpdates)
{
    /// <summary>Every waitlist entry the batch writes, each at its latest state.</summary>
    public IEnumerable<WaitlistEntry> Waitlist => WaitlistInserts.Concat(WaitlistUpdates);

    public long NewVersion => ExpectedVersion + 1;

    /// <summary>Collects the changes of a batch's decisions; <paramref name="row"/> is the pool's row after the last of them.</summary>
    public static PoolBatch Seal(PoolRowState row, IEnumerable<PoolChanges> decisions)
    {
        var latest = new Dictionary<string, PoolAppointment>();
        var created = new HashSet<string>();
        // Apart from the appointments': an offer's hold has its entry's id.
        var entries = new Dictionary<string, WaitlistEntry>();
        var joined = new HashSet<string>();
        var all = decisions.ToList();
        foreach (var changes in all)
        {
            foreach (var appointment in changes.Created) { latest[appointment.Id] = appointment; created.Add(appointment.Id); }
            foreach (var appointment in changes.Updated) latest[appointment.Id] = appointment;
            foreach (var entry in changes.WaitlistCreated) { entries[entry.Id] = entry; joined.Add(entry.Id); }
            foreach (var entry in changes.WaitlistUpdated) entries[entry.Id] = entry;
        }
        return new PoolBatch(
            row.SessionId, row.Version, row.Status, row.HeldCount, row.BookedCount,
            Inserts: latest.Values.Where(r => created.Contains(r.Id)).ToList(),
            Updates: latest.Values.Where(r => !created.Contains(r.Id)).ToList(),
            Audits: all.SelectMany(c => c.Audits).ToList(),
            Payments: all.SelectMany(c => c.Payments).ToList(),
            Refunds: all.SelectMany(c => c.Refunds).ToList(),
            Notifications: all.SelectMany(c => c.Notifications).ToList(),
            WaitlistInserts: entries.Values.Where(e => joined.Contains(e.Id)).ToList(),
            WaitlistUpdates: entries.Values.Where(e => !joined.Contains(e.Id)).ToList());
    }
}
