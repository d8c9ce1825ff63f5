using Hospital.OrleansSchema.Tests.Cluster;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Hospital.OrleansSchema.Tests;

/// <summary>
/// Orleans' ADO.NET reminder table driven directly (the provider's class is internal, so through the silo's
/// IReminderTable): the hash-range reads each silo's reminder service makes (both query texts) and the version check
/// on removal. The rows are written behind the reminder services' backs and removed again before they would notice
/// (they reload their ranges every few minutes); the grain type exists nowhere.
/// </summary>
[Collection(OrleansClusterCollection.Name)]
public sealed class ReminderTableTests(OrleansClusterFixture cluster)
{
    [MariaDbFact]
    public async Task ReadRows_OfTwoRangesSplittingTheRing_FindEachReminderInItsOwnRange()
    {
        var table = Table();
        var run = Guid.NewGuid().ToString("N");
        var grains = Enumerable.Range(0, 24).Select(i => GrainId.Create("no-such-grain", $"{run}-{i}")).ToList();
        var etags = new List<string?>();
        foreach (var grain in grains)
        {
            etags.Add(await table.UpsertRow(Reminder(grain)));
        }

        // 0x40000000 and 0xC0000000 are on opposite sides of zero as signed numbers, so one range wraps in signed order
        // (the second query text) and the other does not (the first).
        foreach (var (begin, end) in new[] { (0x40000000u, 0xC0000000u), (0xC0000000u, 0x40000000u) })
        {
            var read = await table.ReadRows(begin, end);

            var expected = grains.Where(grain => InRange(grain.GetUniformHashCode(), begin, end)).Order().ToList();
            Assert.Equal(expected, read.Reminders.Select(reminder => reminder.GrainId).Where(grains.Contains).Order().ToList());
        }

        foreach (var (grain, etag) in grains.Zip(etags))
        {
            Assert.True(await table.RemoveRow(grain, "tick", etag!));
        }
    }

    [MariaDbFact]
    public async Task RemoveRow_WithAStaleETag_IsRefusedAndWithTheCurrentOneRemoves()
    {
        var table = Table();
        var grain = GrainId.Create("no-such-grain", $"removed-{Guid.NewGuid():N}");
        var first = await table.UpsertRow(Reminder(grain));
        var second = await table.UpsertRow(Reminder(grain, TimeSpan.FromMinutes(2)));

        Assert.NotEqual(first, second);
        Assert.False(await table.RemoveRow(grain, "tick", first!));
        Assert.Equal(TimeSpan.FromMinutes(2), (await table.ReadRow(grain, "tick"))!.Period);
        Assert.True(await table.RemoveRow(grain, "tick", second!));
        Assert.Null(await table.ReadRow(grain, "tick"));
    }

    // Orleans' ring ranges are (begin, end], wrapping past the largest hash when begin >= end.
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Reminder(GrainId grain, TimeSpan? period = null) => new()
    {
        GrainId = grain,
        ReminderName = "tick",
        StartAt = new DateTime(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc),
        Period = period ?? TimeSpan.FromMinutes(1),
    };

    private IReminderTable Table() => cluster.First.Services.GetRequiredService<IReminderTable>();
}
