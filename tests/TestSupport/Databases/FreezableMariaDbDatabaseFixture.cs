using Hospital.Silo.Storage;
using Hospital.Silo.Storage.MySql;
using Hospital.TestSupport.MariaDb;

namespace Hospital.TestSupport.Databases;

/// <summary>
/// Fresh databases on a MariaDB server of the test class's own (<see cref="FreezableMariaDb"/>), which its tests may stall
/// and resume through <see cref="Server"/>; the server goes with the fixture. Skipped by <see cref="MariaDbAvailability"/>'s rule.
/// </summary>
public sealed class FreezableMariaDbDatabaseFixture : TestDatabaseFixture
{
    private readonly Lazy<Task<FreezableMariaDb>> _server = new(FreezableMariaDb.StartAsync);

    public override StorageProvider Provider => StorageProvider.MySql;

    public override string? SkipReason => MariaDbAvailability.SkipReason;

    /// <summary>The server, to <see cref="FreezableMariaDb.Freeze"/> and <see cref="FreezableMariaDb.Thaw"/>.</summary>
    public FreezableMariaDb Server => _server.Value.Result;

    protected override async Task<TestDatabase> CreateEmptyDatabaseAsync()
    {
        var server = await _server.Value;
        var connectionString = await server.CreateDatabaseAsync();
        return new TestDatabase(StorageProvider.MySql, connectionString, new MySqlConnectionFactory(connectionString), () => default);
    }

    /// <summary>Stops the server, and with it its databases.</summary>
    public override async Task DisposeAsync()
    {
        if (_server.IsValueCreated) await (await _server.Value).DisposeAsync();
    }
}
