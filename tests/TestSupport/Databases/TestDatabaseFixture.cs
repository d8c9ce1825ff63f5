using Hospital.Silo.Storage;

namespace Hospital.TestSupport.Databases;

/// <summary>
/// An xunit class fixture giving a test class its own migrated <see cref="Database"/> on one backend, plus any
/// number of extra fresh databases (<see cref="CreateDatabaseAsync"/>); all are removed when the class is done.
/// </summary>
/// <remarks>
/// Use <see cref="SqliteDatabaseFixture"/> or <see cref="MariaDbDatabaseFixture"/> through IClassFixture&lt;T&gt;,
/// usually from a contract suite (see <see cref="Contracts.ContractFactAttribute"/>). When the backend is not available
/// here (<see cref="SkipReason"/>), the fixture creates nothing, so the skipped tests cost nothing.
/// </remarks>
public abstract class TestDatabaseFixture : IAsyncLifetime
{
    private readonly List<TestDatabase> _databases = [];
    private TestDatabase? _database;

    public abstract StorageProvider Provider { get; }

    /// <summary>Why this backend's tests are skipped in this process, or null when they run.</summary>
    public virtual string? SkipReason => null;

    /// <summary>This fixture's database, with all schema scripts applied. Shared by the class's tests: use fresh keys per test.</summary>
    public TestDatabase Database =>
        _database ?? throw new InvalidOperationException(SkipReason ?? "The fixture has not been initialized.");

    /// <summary>A further fresh database, migrated unless <paramref name="migrate"/> is false; removed with the fixture.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(bool migrate = true)
    {
        var database = await CreateEmptyDatabaseAsync();
        lock (_databases)
        {
            _databases.Add(database);
        }

        if (migrate)
        {
            await database.MigrateAsync();
        }

        return database;
    }

    /// <summary>Creates an empty database that disposing removes.</summary>
    protected abstract Task<TestDatabase> CreateEmptyDatabaseAsync();

    public async Task InitializeAsync()
    {
        if (SkipReason is null)
        {
            _database = await CreateDatabaseAsync();
        }
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }
}
