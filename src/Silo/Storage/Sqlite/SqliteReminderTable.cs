using Dapper;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Hospital.Silo.Storage.Sqlite;

/// <summary>
/// Orleans reminders in embedded mode, in the reminders table of the SQLite file (Schema/Sqlite/0005_reminders.sql),
/// so a reminder registered before a restart fires after it. Rows are scoped to the cluster's service id, as Orleans'
/// ADO.NET table scopes them in cluster mode.
/// </summary>
/// <remarks>
/// Orleans' reminder service calls this from any thread; every method is one statement on a connection of its own,
/// so calls need no coordination here. An upsert replaces the schedule whatever ETag the entry carries (Orleans'
/// contract: registering again wins) and hands out a fresh ETag; only a removal is checked against the ETag.
/// </remarks>
public sealed class SqliteReminderTable(IDbConnectionFactory connections, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private const string SelectRows =
        "SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_at_utc_ticks AS StartAtUtcTicks, period_ticks AS PeriodTicks, etag AS ETag " +
        "FROM reminders WHERE service_id = @ServiceId";

    private string ServiceId => cluster.Value.ServiceId;

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        QueryAsync($"{SelectRows} AND grain_id = @GrainId", new { ServiceId, GrainId = grainId.ToString() });

    /// <summary>The reminders whose grain hash lies in the ring range (begin, end]; begin at or past end wraps past the largest hash.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        QueryAsync(
            begin < end
                ? $"{SelectRows} AND grain_hash > @Begin AND grain_hash <= @End"
                : $"{SelectRows} AND (grain_hash > @Begin OR grain_hash <= @End)",
            new { ServiceId, Begin = (long)begin, End = (long)end });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        await using var connection = await connections.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<ReminderRow>(
            $"{SelectRows} AND grain_id = @GrainId AND reminder_name = @ReminderName",
            new { ServiceId, GrainId = grainId.ToString(), ReminderName = reminderName });
        return row?.ToEntry();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var etag = Guid.NewGuid().ToString("N");
        await using var connection = await connections.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO reminders (service_id, grain_id, reminder_name, grain_hash, start_at_utc_ticks, period_ticks, etag) " +
            "VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartAtUtcTicks, @PeriodTicks, @ETag) " +
            "ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET grain_hash = excluded.grain_hash, " +
            "start_at_utc_ticks = excluded.start_at_utc_ticks, period_ticks = excluded.period_ticks, etag = excluded.etag",
            new
            {
                ServiceId,
                GrainId = entry.GrainId.ToString(),
                entry.ReminderName,
                GrainHash = (long)entry.GrainId.GetUniformHashCode(),
                // Orleans schedules in UTC; a time of unspecified kind is taken as UTC, never shifted by the node's zone.
                StartAtUtcTicks = (entry.StartAt.Kind == DateTimeKind.Local ? entry.StartAt.ToUniversalTime() : entry.StartAt).Ticks,
                PeriodTicks = entry.Period.Ticks,
                ETag = etag,
            });
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await using var connection = await connections.OpenConnectionAsync();
        return await connection.ExecuteAsync(
            "DELETE FROM reminders WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND etag = @ETag",
            new { ServiceId, GrainId = grainId.ToString(), ReminderName = reminderName, ETag = eTag }) == 1;
    }

    public async Task TestOnlyClearTable()
    {
        await using var connection = await connections.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM reminders WHERE service_id = @ServiceId", new { ServiceId });
    }

    private async Task<ReminderTableData> QueryAsync(string sql, object parameters)
    {
        await using var connection = await connections.OpenConnectionAsync();
        var rows = await connection.QueryAsync<ReminderRow>(sql, parameters);
        return new ReminderTableData(rows.Select(row => row.ToEntry()));
    }

    private sealed record ReminderRow(string GrainId, string ReminderName, long StartAtUtcTicks, long PeriodTicks, string ETag)
    {
        public ReminderEntry ToEntry() => new()
        {
            GrainId = Orleans.Runtime.GrainId.Parse(GrainId),
            ReminderName = ReminderName,
            StartAt = new DateTime(StartAtUtcTicks, DateTimeKind.Utc),
            Period = TimeSpan.FromTicks(PeriodTicks),
            ETag = ETag,
        };
    }
}
