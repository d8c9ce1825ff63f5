using Hospital.TestSupport.Databases;
using Hospital.TestSupport.MariaDb;

namespace Hospital.OrleansSchema.Tests.Cluster;

/// <summary>
/// Two silos of one cluster on a freshly migrated MariaDB database, shared by the tests of
/// <see cref="OrleansClusterCollection"/>: starting silos is the slow part, and each test uses keys of its own.
/// Does nothing when MariaDB tests are skipped.
/// </summary>
public sealed class OrleansClusterFixture : IAsyncLifetime
{
    /// <summary>The service every silo of these tests belongs to: grain state and reminders are kept per service.</summary>
    public const string ServiceId = "orleans-schema-tests";

    private readonly MariaDbDatabaseFixture _databases = new();
    private TestDatabase? _database;
    private OrleansSilo? _first;
    private OrleansSilo? _second;

    public TestDatabase Database => _database ?? throw NotStarted();

    public OrleansSilo First => _first ?? throw NotStarted();

    public OrleansSilo Second => _second ?? throw NotStarted();

    /// <summary>Starts one more silo on the same database, in a cluster of its own, as a restarted node would be.</summary>
    public Task<OrleansSilo> StartLoneSiloAsync() =>
        OrleansSilo.StartAsync(Database.ConnectionString, $"lone-{Guid.NewGuid():N}", ServiceId);

    public async Task InitializeAsync()
    {
        if (MariaDbAvailability.SkipReason is not null)
        {
            return;
        }

        _database = await _databases.CreateDatabaseAsync();
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        _first = await OrleansSilo.StartAsync(_database.ConnectionString, clusterId, ServiceId);
        _second = await OrleansSilo.StartAsync(_database.ConnectionString, clusterId, ServiceId);
    }

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        if (_first is not null) await _first.DisposeAsync();
        await _databases.DisposeAsync();
    }

    private static InvalidOperationException NotStarted() =>
        new(MariaDbAvailability.SkipReason ?? "The Orleans cluster fixture has not started.");
}
