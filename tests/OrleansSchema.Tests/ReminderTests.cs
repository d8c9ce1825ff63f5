using Dapper;
using Hospital.OrleansSchema.Tests.Cluster;
using Hospital.OrleansSchema.Tests.Grains;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;

namespace Hospital.OrleansSchema.Tests;

/// <summary>Reminders in our orleans_reminders table, through Orleans' ADO.NET reminder service.</summary>
[Collection(OrleansClusterCollection.Name)]
public sealed class ReminderTests(OrleansClusterFixture cluster)
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    [MariaDbFact]
    public async Task Reminder_Registered_IsStoredListedAndFires()
    {
        var key = $"reminded-{Guid.NewGuid():N}";
        var probe = cluster.First.GrainFactory.GetGrain<IReminderProbeGrain>(key);

        await probe.RegisterAsync("tick", TimeSpan.FromSeconds(1), Period);

        Assert.Equal(["tick"], await probe.ListAsync());
        Assert.Equal([("tick", (long)Period.TotalMilliseconds)], await ReadRemindersAsync(key));
        var ticks = await Eventually.ReturnsAsync(probe.GetTicksAsync, count => count >= 1, TimeSpan.FromSeconds(30));
        Assert.InRange(ticks, 1, int.MaxValue);
    }

    [MariaDbFact]
    public async Task Reminder_RegisteredAgainThenUnregistered_LeavesNoRow()
    {
        var key = $"unregistered-{Guid.NewGuid():N}";
        var probe = cluster.Second.GrainFactory.GetGrain<IReminderProbeGrain>(key);
        await probe.RegisterAsync("tock", TimeSpan.FromMinutes(5), Period);
        await probe.RegisterAsync("tock", TimeSpan.FromMinutes(5), Period * 2);
        Assert.Equal([("tock", (long)(Period * 2).TotalMilliseconds)], await ReadRemindersAsync(key));

        await probe.UnregisterAsync("tock");

        Assert.Empty(await probe.ListAsync());
        Assert.Empty(await ReadRemindersAsync(key));
    }

    private async Task<List<(string Name, long Period)>> ReadRemindersAsync(string key)
    {
        await using var connection = await cluster.Database.ConnectionFactory.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string, long)>(
            "SELECT ReminderName, Period FROM orleans_reminders WHERE ServiceId = @ServiceId AND GrainId LIKE CONCAT('%/', @key)",
            new { OrleansClusterFixture.ServiceId, key });
        return rows.ToList();
    }
}
