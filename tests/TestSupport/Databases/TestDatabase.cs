using Hospital.Silo.Storage;
using Hospital.Silo.Storage.Migrations;
using Hospital.Silo.Storage.Resilience;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hospital.TestSupport.Databases;

/// <summary>One database of its own for a test fixture (a temp SQLite file or a fresh MariaDB database), removed on dispose.</summary>
/// <remarks>
/// Get one from a <see cref="TestDatabaseFixture"/>: <c>fixture.Database</c> (migrated, shared by the test class) or
/// <c>await fixture.CreateDatabaseAsync()</c> (a further fresh one). To run a whole host on it, e.g. in a
/// WebApplicationFactory, set <c>Storage:Provider</c> = <c>database.Provider.ToString()</c> and
/// <c>Storage:ConnectionString</c> = <c>database.ConnectionString</c>, and <c>Storage:Timeouts</c> from <see cref="Timeouts"/>.
/// </remarks>
public sealed class TestDatabase(
    StorageProvider provider, string connectionString, IDbConnectionFactory connectionFactory, Func<ValueTask> drop, StorageTimeoutOptions? timeouts = null)
    : IAsyncDisposable
{
    public StorageProvider Provider { get; } = provider;

    /// <summary>What <c>Storage:Timeouts</c> a host on this database should use (the production defaults unless the fixture says otherwise).</summary>
    public StorageTimeoutOptions Timeouts { get; } = timeouts ?? new StorageTimeoutOptions();

    /// <summary>What <c>Storage:ConnectionString</c> would hold, e.g. for a WebApplicationFactory.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>The production connection factory for this database.</summary>
    public IDbConnectionFactory ConnectionFactory { get; } = connectionFactory;

    /// <summary>A migrator for this database, as the silo builds it at start-up.</summary>
    public SchemaMigrator CreateMigrator(TimeProvider? timeProvider = null) =>
        new(ConnectionFactory, timeProvider ?? TimeProvider.System, NullLogger<SchemaMigrator>.Instance);

    /// <summary>Applies all schema scripts, returning the versions applied by this call.</summary>
    public Task<IReadOnlyList<int>> MigrateAsync() => CreateMigrator().MigrateAsync();

    public ValueTask DisposeAsync() => drop();
}
