using System.Data.Common;
using Hospital.LoadTests.Consistency;
using Hospital.LoadTests.Scenarios;
using Hospital.Silo.Storage;

namespace Hospital.LoadTests.Waitlists;

/// <summary>
/// Proves, from the database (read directly), that each slot a cancellation returned during the burst went to the first
/// patient waiting for its session, and none to a newcomer who asked for a hold after the cancellation (<see cref="WaitlistReport"/>).
/// </summary>
public sealed class WaitlistChecker(IDbConnectionFactory connections)
{
    private const int DetailsShown = 20;

    public static WaitlistChecker For(StorageProvider provider, string connectionString) => new(RunDatabase.Connect(provider, connectionString));

    public async Task<WaitlistReport> CheckAsync(WaitlistPlan plan, WaitlistRound round, CancellationToken cancellationToken)
    {
        var sessionIds = plan.Sessions.Select(s => s.SessionId).ToList();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var entries = await ReadEntriesAsync(connection, sessionIds, cancellationToken);
        var occupants = await ReadOccupantsAsync(connection, sessionIds, cancellationToken);
        var details = new List<string>();

        var notOffered = 0;
        foreach (var returned in round.Cancelled)
        {
            var occupied = occupants.TryGetValue((returned.SessionId, returned.SlotNo), out var occupant);
            if (occupied && entries.TryGetValue(occupant.Id, out var entry) && entry.Status == "Offered" && entry.PatientId == occupant.PatientId) continue;
            notOffered++;
            details.Add($"slot {returned.SlotNo} of {returned.SessionId}, returned by {returned.AppointmentId}: " +
                (occupied ? $"now held by {occupant.Id}, not a waitlist offer" : "free"));
        }

        var outOfOrder = 0;
        foreach (var session in entries.Values.GroupBy(e => e.SessionId))
        {
            var firstStillWaiting = session.Where(e => e.Status == "Waiting").Select(e => e.Seq).DefaultIfEmpty(long.MaxValue).Min();
            foreach (var late in session.Where(e => e.Status == "Offered" && e.Seq > firstStillWaiting))
            {
                outOfOrder++;
                details.Add($"{late.Id} (place {late.Seq}) was offered a slot of {session.Key} while place {firstStillWaiting} still waits");
            }
        }

        var newcomers = plan.Sessions.Select(s => s.Newcomer.Id).ToHashSet();
        var newcomerRows = occupants.Values.Count(o => newcomers.Contains(o.PatientId));
        details.AddRange(round.NewcomerHolds.Select(h => $"newcomer got {h.AppointmentId}, slot {h.SlotNo} of {h.SessionId}"));
        return new WaitlistReport(plan.Sessions.Count, round.Joined, round.Cancelled.Count, entries.Values.Count(e => e.Status == "Offered"), notOffered, outOfOrder,
            Math.Max(round.NewcomerHolds.Count, newcomerRows), [.. details.Take(DetailsShown)]);
    }

    private sealed record Entry(string Id, string SessionId, string PatientId, long Seq, string Status);

    private static async Task<Dictionary<string, Entry>> ReadEntriesAsync(DbConnection connection, IReadOnlyList<string> sessionIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, session_id, patient_id, seq, status FROM waitlist_entries WHERE session_id IN " + ConsistencyChecker.InList(command, sessionIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new Dictionary<string, Entry>();
        while (await reader.ReadAsync(cancellationToken))
            entries[reader.GetString(0)] = new Entry(reader.GetString(0), reader.GetString(1), reader.GetString(2), Convert.ToInt64(reader.GetValue(3)), reader.GetString(4));
        return entries;
    }

    /// <summary>Who occupies each slot of the sessions now (the row that holds the slot's lock).</summary>
    private static async Task<Dictionary<(string SessionId, int SlotNo), (string Id, string PatientId)>> ReadOccupantsAsync(DbConnection connection,
        IReadOnlyList<string> sessionIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT session_id, slot_no, id, patient_id FROM appointments WHERE slot_lock = 1 AND session_id IN " + ConsistencyChecker.InList(command, sessionIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var occupants = new Dictionary<(string, int), (string, string)>();
        while (await reader.ReadAsync(cancellationToken))
            occupants[(reader.GetString(0), Convert.ToInt32(reader.GetValue(1)))] = (reader.GetString(2), reader.GetString(3));
        return occupants;
    }
}
