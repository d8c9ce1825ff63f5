using Dapper;
using Hospital.Grains.Queues;

namespace Hospital.Silo.Storage.Queues;

/// <summary>Visit-day queries on either database (one SQL text serves both). Reads run on the thread pool: the SQLite driver blocks.</summary>
public sealed class SqlVisitDayStore(IDbConnectionFactory connections) : IVisitDayStore
{
    public Task<IReadOnlyList<string>> FindSessionsWithUncheckedBookingsAsync(DateOnly lastDate, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<string>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var sessions = await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT DISTINCT a.session_id FROM appointments a JOIN sessions s ON s.session_id = a.session_id " +
                "WHERE a.status = 'Booked' AND s.visit_date <= @LastDate",
                new { LastDate = SessionDates.Format(lastDate) }, cancellationToken: cancellationToken));
            return sessions.ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<BookedVisit>> FindBookingsWithVisitCodesAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<BookedVisit>>(async () =>
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<(string, string, long, string, string)>(new CommandDefinition(
                "SELECT a.id, a.session_id, a.slot_no, a.patient_id, v.code_hash FROM appointments a " +
                "JOIN sessions s ON s.session_id = a.session_id JOIN patient_visit_codes v ON v.patient_id = a.patient_id " +
                "WHERE a.status = 'Booked' AND s.visit_date = @Date",
                new { Date = SessionDates.Format(date) }, cancellationToken: cancellationToken));
            return rows.Select(r => new BookedVisit(r.Item1, r.Item2, (int)r.Item3, r.Item4, r.Item5)).ToList();
        }, cancellationToken);
}
