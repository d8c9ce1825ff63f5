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
}
