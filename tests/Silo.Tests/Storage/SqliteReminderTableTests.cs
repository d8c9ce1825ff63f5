using Hospital.Silo.Storage.Sqlite;
using Hospital.TestSupport.Databases;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Hospital.Silo.Tests.Storage;

/// <summary>
/// Embedded mode's reminder table against a real SQLite file: the whole IReminderTable contract the reminder service
/// relies on. Each test is a service of its own, so the shared database's other rows never count.
/// </summary>
public sealed class SqliteReminderTableTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    private static readonly DateTime StartAt = new(2026, 12, 4, 8, 0, 0, 123, DateTimeKind.Utc);

    private readonly SqliteReminderTable _table = TableOf(fixture, $"service-{Guid.NewGuid():N}");

    [Fact]
    public async Task ReadRows_OfARange_ReturnsTheHashesAboveBeginUpToAndIncludingEnd()
    {
        var grains = await UpsertGrainsAsync(40);

        var read = await _table.ReadRows(grains[10].GetUniformHashCode(), grains[20].GetUniformHashCode());

        Assert.Equal(grains[11..21], GrainsOf(read));
    }

    [Fact]
    public async Task ReadRows_OfARangeWhoseBeginIsPastItsEnd_WrapsAroundTheRing()
    {
        var grains = await UpsertGrainsAsync(40);

        var read = await _table.ReadRows(grains[30].GetUniformHashCode(), grains[5].GetUniformHashCode());

        Assert.Equal([.. grains[..6], .. grains[31..]], GrainsOf(read));
    }

    [Fact]
    public async Task ReadRows_OfARangeWhoseBeginIsItsEnd_ReturnsTheWholeRing()
    {
        var grains = await UpsertGrainsAsync(12);

        var read = await _table.ReadRows(grains[4].GetUniformHashCode(), grains[4].GetUniformHashCode());

        Assert.Equal(grains, GrainsOf(read));
    }

    [Fact]
    public async Task ReadRows_OfAGrain_ReturnsItsRemindersExactlyAsUpserted()
    {
        var grain = NewGrain();
        var tick = await _table.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(1)));
        var tock = await _table.UpsertRow(Entry(grain, "tock", TimeSpan.FromTicks(90_000_000_001)));
        await _table.UpsertRow(Entry(NewGrain(), "tick", TimeSpan.FromMinutes(1)));

        var read = await _table.ReadRows(grain);

        Assert.Equal(
            [(grain, "tick", StartAt, DateTimeKind.Utc, TimeSpan.FromMinutes(1), tick), (grain, "tock", StartAt, DateTimeKind.Utc, TimeSpan.FromTicks(90_000_000_001), tock)],
            read.Reminders.Select(r => (r.GrainId, r.ReminderName, r.StartAt, r.StartAt.Kind, r.Period, r.ETag)).OrderBy(r => r.ReminderName));
    }

    [Fact]
    public async Task ReadRow_OfAReminderNeverRegistered_ReturnsNull() =>
        Assert.Null(await _table.ReadRow(NewGrain(), "tick"));

    [Fact]
    public async Task UpsertRow_Again_ReplacesTheScheduleUnderANewETag()
    {
        var grain = NewGrain();
        var first = await _table.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(1)));

        var second = await _table.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(2)));

        Assert.NotEqual(first, second);
        var read = await _table.ReadRow(grain, "tick");
        Assert.Equal((TimeSpan.FromMinutes(2), second), (read!.Period, read.ETag));
    }

    [Fact]
    public async Task RemoveRow_WithAStaleETag_KeepsTheRowAndWithTheCurrentOneRemovesIt()
    {
        var grain = NewGrain();
        var stale = await _table.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(1)));
        var current = await _table.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(2)));

        Assert.False(await _table.RemoveRow(grain, "tick", stale!));
        Assert.NotNull(await _table.ReadRow(grain, "tick"));
        Assert.True(await _table.RemoveRow(grain, "tick", current!));
        Assert.Null(await _table.ReadRow(grain, "tick"));
        Assert.False(await _table.RemoveRow(grain, "tick", current!));
    }

    [Fact]
    public async Task TestOnlyClearTable_RemovesThisServicesRemindersOnly()
    {
        var other = TableOf(fixture, $"other-{Guid.NewGuid():N}");
        var grain = NewGrain();
        await _table.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(1)));
        await other.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(1)));

        await _table.TestOnlyClearTable();

        Assert.Empty((await _table.ReadRows(0, 0)).Reminders);
        Assert.NotNull(await other.ReadRow(grain, "tick"));
    }

    private static SqliteReminderTable TableOf(SqliteDatabaseFixture fixture, string serviceId) =>
        new(fixture.Database.ConnectionFactory, Options.Create(new ClusterOptions { ServiceId = serviceId }));

    private static GrainId NewGrain() => GrainId.Create("reminded", Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = StartAt, Period = period };

    /// <summary>Upserts a reminder for each of <paramref name="count"/> new grains, returned in ring (hash) order.</summary>
    private async Task<GrainId[]> UpsertGrainsAsync(int count)
    {
        var grains = Enumerable.Range(0, count).Select(_ => NewGrain()).OrderBy(grain => grain.GetUniformHashCode()).ToArray();
        Assert.Equal(count, grains.Select(grain => grain.GetUniformHashCode()).Distinct().Count());
        foreach (var grain in grains)
        {
            await _table.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(1)));
        }

        return grains;
    }

    private static GrainId[] GrainsOf(ReminderTableData data) =>
        data.Reminders.Select(reminder => reminder.GrainId).OrderBy(grain => grain.GetUniformHashCode()).ToArray();
}
