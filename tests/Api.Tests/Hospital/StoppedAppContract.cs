using Hospital.TestSupport.Contracts;
using Hospital.TestSupport.Databases;
using Hospital.TestSupport.Hospital;
using Hospital.TestSupport.MariaDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hospital.Api.Tests.Hospital;

/// <summary>
/// An app that has served requests and stopped leaves nothing running that keeps it reachable, so a process that starts and
/// stops many (a test host does hundreds) does not grow with each. ASP.NET Core's rate limiter kept every one, about 50 MB
/// each, until its middleware was placed so that a stopped app cuts it off (<c>StoppableRateLimiter</c>).
/// </summary>
public abstract class StoppedAppContract(TestDatabaseFixture fixture)
{
    [ContractFact]
    public async Task StoppedApps_CanBeCollected()
    {
        var database = await fixture.CreateDatabaseAsync();
        await TestCatalog.SeedAsync(database);
        // The first app of a process may stay reachable through process-wide state it was the first to set up: one app,
        // not one per app.
        await ServeAndStopAsync(database);

        var stopped = new List<WeakReference>();
        for (var i = 0; i < 3; i++) stopped.Add(await ServeAndStopAsync(database));
        // A stopped app's own threads (its console logger's) end a moment after it, and keep it until they have.
        for (var i = 0; i < 25 && stopped.Any(app => app.IsAlive); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(200);
        }

        Assert.Equal(0, stopped.Count(app => app.IsAlive));
    }

    /// <summary>Starts an app, sends it a request through its whole pipeline, stops it, and returns a weak reference to its host.</summary>
    private static async Task<WeakReference> ServeAndStopAsync(TestDatabase database)
    {
        await using var app = new HospitalApiFactory(database, TestCatalog.NewClock());
        using (var client = app.CreateClient())
        {
            (await client.GetAsync("/health/live")).EnsureSuccessStatusCode();
        }

        return new WeakReference(app.Services.GetRequiredService<IHost>());
    }
}

public sealed class SqliteStoppedAppContract(SqliteDatabaseFixture fixture) : StoppedAppContract(fixture), IClassFixture<SqliteDatabaseFixture>;

[RequiresMariaDb]
public sealed class MariaDbStoppedAppContract(MariaDbDatabaseFixture fixture) : StoppedAppContract(fixture), IClassFixture<MariaDbDatabaseFixture>;
