using Hospital.Grains.Abstractions.Booking;
using Hospital.Grains.Patients;
using Orleans;
using Hospital.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hospital.LoadTests.EngineBenchmark;

/// <summary>The engine: a silo in this process over the benchmark database, callers holding slots through the pool grain.</summary>
internal static class EngineContender
{
    public static async Task<BurstResult> RunAsync(BenchmarkDatabase database, string sessionId, string rehearsalSessionId, int requests, int callers)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "MySql",
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Catalog:SeedDemoHospital"] = "false",
            ["Privacy:DataKey"] = Convert.ToBase64String(new byte[32]),
            ["Silo:GatewayPort"] = "0",
        });
        builder.AddSilo();
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var ids = host.Services.GetRequiredService<AppointmentIds>();
        var rehearsalPool = grains.GetGrain<ISlotPoolGrain>(rehearsalSessionId);
        await BenchRehearsal.RunAsync(n => HoldAsync(rehearsalPool, ids, rehearsalSessionId, $"R{n:D7}"));
        var pool = grains.GetGrain<ISlotPoolGrain>(sessionId);
        await pool.GetAvailabilityAsync(); // activation (loading the pool) is not part of the burst

        var (calls, errors, elapsed, cpu) = await BurstDriver.RunAsync(requests, callers, n => HoldAsync(pool, ids, sessionId, $"E{n:D7}"));
        await host.StopAsync();
        return BurstResult.From("engine (grains + group commit)", calls, errors, elapsed, cpu, await database.OversoldAsync(sessionId));
    }

    private static async Task<bool> HoldAsync(ISlotPoolGrain pool, AppointmentIds ids, string sessionId, string patient)
    {
        var result = await pool.HoldSlotAsync(new HoldRequest(ids.Of(sessionId, patient, "bench"), patient, BookingChannel.App, null, patient));
        return result.Outcome == HoldOutcome.Held;
    }
}
