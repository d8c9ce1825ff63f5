using System.Data.Common;
using Hospital.LoadTests.Consistency;
using Hospital.LoadTests.Scenarios;
using Hospital.Silo.Storage;

namespace Hospital.LoadTests.VisitDay;

/// <summary>
/// Checks a visit day against the database (read directly, not through the API under test), beside
/// <see cref="ConsistencyChecker"/>'s slot checks: every patient checked in was visited exactly once, none lost or
/// duplicated, nobody else moved, and each session's queue holds exactly its CheckedIn appointments (<see cref="VisitDayReport"/>).
/// </summary>
public sealed class VisitDayChecker(IDbConnectionFactory connections)
{
    private static readonly string[] CheckedInOrFurther = ["CheckedIn", "InVisit", "Completed"];

    /// <summary>Audit steps a visit takes once each.</summary>
    private static readonly string[] VisitSteps = ["CheckedIn", "InVisit", "Completed"];

    private const int DetailsShown = 20;

    public static VisitDayChecker For(StorageProvider provider, string connectionString) => new(RunDatabase.Connect(provider, connectionString));

    public async Task<VisitDayReport> CheckAsync(IReadOnlyList<string> sessionIds, IReadOnlyList<VisitDayPatient> patients, IReadOnlyCollection<string> checkedIn,
        IReadOnlyCollection<string> completed, IReadOnlyList<QueueSnapshot> queues, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await ReadRowsAsync(connection, sessionIds, cancellationToken);
        var steps = await ReadStepsAsync(connection, sessionIds, cancellationToken);
        var details = new List<string>();
        string Status(string id) => rows.TryGetValue(id, out var row) ? row.Status : "no row";

        var lost = checkedIn.Where(id => !CheckedInOrFurther.Contains(Status(id))).ToList();
        details.AddRange(lost.Select(id => $"{id} acknowledged checked in; database: {Status(id)}"));
        var notVisited = checkedIn.Where(id => Status(id) != "Completed").ToList();
        details.AddRange(notVisited.Except(lost).Select(id => $"{id} checked in, not visited: {Status(id)}"));
        var repeatedSteps = steps.Where(s => s.Value > 1).Select(s => s.Key).ToList();
        details.AddRange(repeatedSteps.Select(s => $"{s.Id} went {s.Step} more than once"));
        var twiceInSession = rows.Values.Where(r => r.Status == "Held" || AppointmentRow.PaidStatuses.Contains(r.Status))
            .GroupBy(r => (r.SessionId, r.PatientId)).Where(g => g.Count() > 1).ToList();
        details.AddRange(twiceInSession.Select(g => $"patient {g.Key.PatientId} has {g.Count()} live appointments in {g.Key.SessionId}"));
        var phantoms = patients.Select(p => p.Booking.AppointmentId).Where(id => !checkedIn.Contains(id) && Status(id) != "Booked").ToList();
        details.AddRange(phantoms.Select(id => $"{id} never checked in by the runner, yet {Status(id)}"));
        var queueMismatches = QueueMismatches(rows, queues, details);

        return new VisitDayReport(patients.Count, checkedIn.Count, patients.Count(p => p.Late), patients.Count(p => p.ArrivesAfter is null), completed.Count, lost.Count,
            notVisited.Count - notVisited.Intersect(lost).Count(), repeatedSteps.Count + twiceInSession.Count, phantoms.Count, queueMismatches, [.. details.Take(DetailsShown)]);
    }

    private static int QueueMismatches(Dictionary<string, VisitRow> rows, IReadOnlyList<QueueSnapshot> queues, List<string> details)
    {
        var mismatches = 0;
        foreach (var queue in queues)
        {
            var waiting = rows.Values.Where(r => r.SessionId == queue.SessionId && r.Status == "CheckedIn").Select(r => r.Id).ToHashSet();
            foreach (var id in waiting.Except(queue.Queued).Concat(queue.Queued.Except(waiting)))
            {
                mismatches++;
                details.Add($"{id}: {(rows.TryGetValue(id, out var row) ? row.Status : "no row")}, {(queue.Queued.Contains(id) ? "" : "not ")}in the queue of {queue.SessionId}");
            }
        }

        return mismatches;
    }

    private sealed record VisitRow(string Id, string SessionId, string PatientId, string Status);

    private static async Task<Dictionary<string, VisitRow>> ReadRowsAsync(DbConnection connection, IReadOnlyList<string> sessionIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, session_id, patient_id, status FROM appointments WHERE session_id IN " + ConsistencyChecker.InList(command, sessionIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<string, VisitRow>();
        while (await reader.ReadAsync(cancellationToken))
            rows[reader.GetString(0)] = new VisitRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
        return rows;
    }

    /// <summary>How often each appointment of the sessions entered each visit step, from the audit trail.</summary>
    private static async Task<Dictionary<(string Id, string Step), int>> ReadStepsAsync(DbConnection connection, IReadOnlyList<string> sessionIds,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT au.appointment_id, au.to_status, COUNT(*) FROM appointment_audit au JOIN appointments a ON a.id = au.appointment_id " +
            $"WHERE au.to_status IN ('{string.Join("', '", VisitSteps)}') AND a.session_id IN " + ConsistencyChecker.InList(command, sessionIds) +
            " GROUP BY au.appointment_id, au.to_status";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var steps = new Dictionary<(string, string), int>();
        while (await reader.ReadAsync(cancellationToken)) steps[(reader.GetString(0), reader.GetString(1))] = Convert.ToInt32(reader.GetValue(2));
        return steps;
    }
}
