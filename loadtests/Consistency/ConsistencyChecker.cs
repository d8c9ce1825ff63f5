using System.Data.Common;
using Hospital.Silo.Storage;
using Hospital.LoadTests.Scenarios;

namespace Hospital.LoadTests.Consistency;

/// <summary>
/// Reads the run's sessions and appointments straight from the database (not through the API under test) and checks
/// the guarantees: no slot occupied twice, no session over its quota, every acknowledged hold stored as acknowledged
/// (an acknowledged payment Booked with its payment row), every order the gateway took money for booked or refunded, and
/// each session's held/booked counters equal to its rows.
/// </summary>
public sealed class ConsistencyChecker(IDbConnectionFactory connections)
{
    public static ConsistencyChecker For(StorageProvider provider, string connectionString) => new(RunDatabase.Connect(provider, connectionString));

    public async Task<ConsistencyReport> CheckAsync(IReadOnlyList<string> sessionIds, IReadOnlyList<AcknowledgedHold> acknowledged, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var sessions = await SessionRow.ReadAsync(connection, sessionIds, cancellationToken);
        var appointments = await AppointmentRow.ReadAsync(connection, sessionIds, cancellationToken);
        var occupying = appointments.Values.Where(a => a.Occupies).ToList();

        var doubleSlots = occupying.GroupBy(a => (a.SessionId, a.SlotNo)).Count(g => g.Count() > 1);
        var perSession = occupying.ToLookup(a => a.SessionId);
        var oversold = sessions.Count(s => perSession[s.SessionId].Count() > s.Quota);
        var counterMismatches = sessions.Count(s =>
            s.HeldCount != perSession[s.SessionId].Count(a => a.Status == "Held") ||
            s.HeldCount + s.BookedCount != perSession[s.SessionId].Count());
        var paidAtGatewayUnsettled = await GatewayPaidOrders.UnsettledAsync(connection, sessionIds, cancellationToken);
        var missing = acknowledged.Where(ack => !appointments.TryGetValue(ack.AppointmentId, out var row) || !row.Matches(ack)).ToList();
        var details = missing.Take(MissingDetailsShown).Select(ack =>
            $"{ack.AppointmentId} acknowledged {(ack.Paid ? "paid" : "held")} in {ack.SessionId} slot {ack.SlotNo}; database: " +
            (appointments.TryGetValue(ack.AppointmentId, out var row) ? row.ToString() : "no row"));
        return new ConsistencyReport(sessions.Count, occupying.Count, doubleSlots, oversold, acknowledged.Count, missing.Count, counterMismatches,
            sessions.Sum(s => s.Version), acknowledged.Count(a => a.Paid), missing.Count(a => a.Paid), [.. details, .. paidAtGatewayUnsettled.Take(MissingDetailsShown)],
            paidAtGatewayUnsettled.Count);
    }

    /// <summary>Enough missing acknowledgements to show a pattern as evidence, few enough for a report.</summary>
    private const int MissingDetailsShown = 20;

    /// <summary>"IN (@s0, @s1, ...)" with one parameter per session id.</summary>
    internal static string InList(DbCommand command, IReadOnlyList<string> sessionIds)
    {
        var names = new List<string>();
        for (var i = 0; i < sessionIds.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@s{i}";
            parameter.Value = sessionIds[i];
            command.Parameters.Add(parameter);
            names.Add(parameter.ParameterName);
        }

        return $"({string.Join(", ", names)})";
    }
}
