using Dapper;
using Hospital.Grains.Abstractions.Waitlists;
using Hospital.Grains.Waitlists;

namespace Hospital.Silo.Storage.Waitlists;

/// <summary>A patient's waitlist places on either database; calls run on the thread pool because the SQLite driver blocks.</summary>
public sealed class SqlWaitlistStore(IDbConnectionFactory connections) : IWaitlistStore
{
    private const string Current =
        $"SELECT {WaitlistRow.Columns}, (SELECT COUNT(*) FROM waitlist_entries o WHERE o.session_id = w.session_id AND o.status = 'Waiting' " +
        "AND o.seq < w.seq) AS Ahead FROM waitlist_entries w JOIN sessions s ON s.session_id = w.session_id " +
        "WHERE w.patient_id = @patientId AND w.status IN ('Waiting', 'Offered') AND s.visit_date >= @from ORDER BY s.visit_date, w.session_id";

    public Task<IReadOnlyList<WaitlistEntryView>> ListCurrentAsync(string patientId, DateOnly from, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<WaitlistEntryView>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<WaitlistRow>(new CommandDefinition(
                Current, new { patientId, from = SessionDates.Format(from) }, cancellationToken: cancellationToken));
            return rows.Select(row => row.ToView()).ToList();
        }, cancellationToken);
}
