using System.Diagnostics;
using Dapper;

namespace Hospital.LoadTests.EngineBenchmark;

/// <summary>
/// The database's own floor under the engine's burst: the appointment and audit rows the engine committed, copied
/// inside the server into a fresh database of the same schema, one transaction per group of as many bookings as there
/// are callers (the most one engine transaction can carry), each with the version-checked claim on the session row and
/// a durable commit. No engine, no values to parse, nothing on the wire but the statements: what the database alone
/// needs to write those rows. No approach that stores every booking as these rows can book faster on this machine.
/// (Copied within one database, a table read by its own INSERT … SELECT goes through a temporary table.)
/// </summary>
internal static class DatabaseFloor
{
    private const string Claim =
        "UPDATE sessions SET held_count = held_count + @count, version = version + 1 WHERE session_id = @sessionId AND version = @version";

    /// <summary>
    /// Copies the rows of <paramref name="sessionId"/> (slots 1 … <paramref name="bookings"/>) from <paramref name="source"/>
    /// into <paramref name="target"/>, which holds the same session, empty.
    /// </summary>
    public static async Task<BurstResult> RunAsync(BenchmarkDatabase source, BenchmarkDatabase target, string sessionId, int bookings, int groupSize)
    {
        // Both databases were made by the same migrations, so whole rows copy column for column.
        var copyAppointments =
            $"INSERT INTO appointments SELECT * FROM {source.Name}.appointments WHERE session_id = @sessionId AND slot_no BETWEEN @first AND @last";
        // Driven from the appointments' slot range: joined the other way round the optimizer scanned every audit row.
        var copyAudits =
            $"INSERT INTO appointment_audit SELECT u.* FROM {source.Name}.appointments a STRAIGHT_JOIN {source.Name}.appointment_audit u " +
            "ON u.appointment_id = a.id WHERE a.session_id = @sessionId AND a.slot_no BETWEEN @first AND @last";
        var calls = new List<(bool Booked, bool SoldOut, double Ms)>(bookings);
        await using var connection = await target.Connections.OpenConnectionAsync();
        var cpu = CpuUse.Start();
        var started = Stopwatch.GetTimestamp();
        for (var (first, version) = (1, 0L); first <= bookings; first += groupSize, version++)
        {
            var begin = Stopwatch.GetTimestamp();
            var last = Math.Min(bookings, first + groupSize - 1);
            var count = last - first + 1;
            await using var transaction = await connection.BeginTransactionAsync();
            if (await connection.ExecuteAsync(Claim, new { sessionId, count, version }, transaction) != 1)
                throw new InvalidOperationException($"The floor's session {sessionId} was not at version {version}.");
            if (await connection.ExecuteAsync(copyAppointments, new { sessionId, first, last }, transaction) != count
                || await connection.ExecuteAsync(copyAudits, new { sessionId, first, last }, transaction) != count)
                throw new InvalidOperationException($"Slots {first}–{last} of {sessionId} are not {count} appointments with an audit row each.");
            await transaction.CommitAsync();
            calls.AddRange(Enumerable.Repeat((true, false, Stopwatch.GetElapsedTime(begin).TotalMilliseconds), count));
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        return BurstResult.From("database floor (the engine's rows copied inside the server)", calls, 0, elapsed, cpu(), await target.OversoldAsync(sessionId));
    }
}
