using System.Data.Common;
using Hospital.Silo.Storage.Resilience;
using MySqlConnector;

namespace Hospital.Silo.Storage.MySql;

/// <summary>
/// Creates every MySQL/MariaDB connection of the process. This is the only file that names the driver's connection
/// type, so MySqlConnector can be swapped for another ADO.NET driver here.
/// </summary>
/// <remarks>
/// At most <c>Maximum Pool Size</c> connections are open at once (<see cref="DefaultMaxOpenConnections"/> unless the
/// connection string says otherwise). Further callers wait in the driver's pool without holding a thread, can be
/// cancelled, and after the connection string's <c>Connection Timeout</c> fail with a <see cref="MySqlException"/>,
/// which the API answers 503 with Retry-After.
/// Waits are bounded by <see cref="StorageTimeoutOptions"/>, which override the connection string's own timeouts: the
/// driver's defaults (15 s to connect, 30 s per command) would hold callers long after the database stalled.
/// </remarks>
public sealed class MySqlConnectionFactory : IDbConnectionFactory
{
    /// <summary>Connections open at once when the connection string sets no <c>Maximum Pool Size</c>. A few per core
    /// is plenty for calls of a millisecond; the driver's default of 100 would let a peak run far more transactions at
    /// once than the server has cores for, each one then holding its row locks for longer.</summary>
    public const int DefaultMaxOpenConnections = 16;

    private readonly string _connectionString;

    public MySqlConnectionFactory(string connectionString, StorageTimeoutOptions? timeouts = null)
    {
        timeouts ??= new StorageTimeoutOptions();
        var builder = new MySqlConnectionStringBuilder(connectionString)
        {
            ConnectionTimeout = (uint)StorageTimeoutOptions.Seconds(timeouts.ConnectTimeout),
            DefaultCommandTimeout = (uint)StorageTimeoutOptions.Seconds(timeouts.CommandTimeout),
            CancellationTimeout = timeouts.DriverCancellationTimeout,
            // The driver resets a pooled connection as it hands it out, and reads the server's answer with no timeout at all
            // (neither Connection Timeout nor the command's applies): with the server stalled, an Open waited for as long as
            // the stall lasted (found by StalledDatabaseContract). Without the reset no round trip happens until the first
            // command, which its timeout bounds. Nothing here relies on the reset: no session variables, user variables or
            // temporary tables are used, each transaction sets its isolation level, and the schema lock is released
            // explicitly. Measured at a release burst, dropping the reset made transactions shorter and ratios no lower.
            ConnectionReset = false,
        };
        BulkCommandTimeoutSeconds = StorageTimeoutOptions.Seconds(timeouts.BulkCommandTimeout);
        if (!SetsPoolSize(connectionString)) builder.MaximumPoolSize = DefaultMaxOpenConnections;
        MaxOpenConnections = (int)builder.MaximumPoolSize;
        _connectionString = builder.ConnectionString;
    }

    public StorageProvider Provider => StorageProvider.MySql;

    public ISqlDialect Dialect => MySqlDialect.Instance;

    public int BulkCommandTimeoutSeconds { get; }

    /// <summary>How many connections may be open at once (the pool's size).</summary>
    public int MaxOpenConnections { get; }

    // The driver's builder answers ContainsKey for every keyword it knows, set or not; the plain builder lists what the string sets.
    private static bool SetsPoolSize(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() is "maxpoolsize" or "maximumpoolsize");

    // A connection whose Open failed holds no session (the driver keeps only one that opened): nothing to dispose.
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new MySqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>The driver's synchronous calls do blocking I/O on the calling thread, without the thread pool.</summary>
    public DbConnection OpenConnection()
    {
        var connection = new MySqlConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
