using Dapper;

namespace Hospital.LoadTests.EngineBenchmark;

/// <summary>
/// The approach users would otherwise build: each request its own transaction, a conditional UPDATE that claims
/// a place on the session row (the row lock serialises them), then the appointment INSERT for the claimed slot.
/// </summary>
internal static class PlainSqlContender
{
    public static async Task<BurstResult> RunAsync(BenchmarkDatabase database, string sessionId, string rehearsalSessionId, int requests, int callers)
    {
        await BenchRehearsal.RunAsync(n => Task.Run(() => BookAsync(database, rehearsalSessionId, $"R{n:D7}")));
        var (calls, errors, elapsed, cpu) = await BurstDriver.RunAsync(requests, callers, n => Task.Run(() => BookAsync(database, sessionId, $"S{n:D7}")));
        return BurstResult.From("plain SQL (transaction per request)", calls, errors, elapsed, cpu, await database.OversoldAsync(sessionId));
    }

    private static async Task<bool> BookAsync(BenchmarkDatabase database, string sessionId, string patient)
    {
        await using var connection = await database.Connections.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var claimed = await connection.ExecuteAsync(
            "UPDATE sessions SET held_count = held_count + 1, version = version + 1 WHERE session_id = @sessionId AND held_count < quota",
            new { sessionId }, transaction);
        if (claimed == 0) return false;
        var slotNo = await connection.ExecuteScalarAsync<long>("SELECT held_count FROM sessions WHERE session_id = @sessionId", new { sessionId }, transaction);
        var now = DateTime.UtcNow;
        await connection.ExecuteAsync(
            "INSERT INTO appointments (id, session_id, slot_no, slot_lock, patient_id, channel, status, fhir_status, fee, held_at, expires_at, reschedule_count, updated_at) " +
            "VALUES (@Id, @sessionId, @slotNo, 1, @patient, 'App', 'Held', 'pending', 50, @now, @expires, 0, @now)",
            new { Id = $"{sessionId}.{patient}", sessionId, slotNo, patient, now, expires = now.AddMinutes(15) }, transaction);
        await transaction.CommitAsync();
        return true;
    }
}
