using System.Data.Common;
using MySql.Data.MySqlClient;

namespace Hospital.Silo.Storage.MySql;

/// <summary>
/// Creates every MySQL/MariaDB connection of the process. This is the only file that names the driver's connection
/// type, so MySql.Data can be swapped for another ADO.NET driver here.
/// </summary>
/// <remarks>
/// MySql.Data's async methods block a thread internally, and its connect waits on a task that needs a thread-pool
/// thread to finish, so hundreds of calls in flight can starve the pool: when 256 patients registered at once, connects
/// failed with "Timeout expired" in the driver's GetTcpStream. So at most
/// <c>Maximum Pool Size</c> connections are open at once (<see cref="DefaultMaxOpenConnections"/> unless the
/// connection string says otherwise); further callers wait here without holding a thread, for up to the connection
/// string's <c>Connection Timeout</c>, and the driver's own (blocking) pool never has to wait.
/// </remarks>
public sealed class MySqlConnectionFactory : IDbConnectionFactory
{
    /// <summary>Connections open at once when the connection string sets no <c>Maximum Pool Size</c>: a few per core is
    /// plenty for calls of a millisecond, and keeps that few threads blocked in the driver.</summary>
    public const int DefaultMaxOpenConnections = 16;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _openSlots;
    private readonly TimeSpan _slotWaitLimit;

    public MySqlConnectionFactory(string connectionString)
    {
        // Before the first connection exists, so no connection ever sees the driver without it.
        MySqlCharsetFix.Apply();
        var builder = new MySqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.CharacterSet))
        {
            // Patients' names may need 4-byte characters; the tables are utf8mb4, so the connection must be too.
            builder.CharacterSet = "utf8mb4";
        }

        if (!SetsPoolSize(connectionString)) builder.MaximumPoolSize = DefaultMaxOpenConnections;
        MaxOpenConnections = (int)builder.MaximumPoolSize;
        _openSlots = new SemaphoreSlim(MaxOpenConnections, MaxOpenConnections);
        _slotWaitLimit = TimeSpan.FromSeconds(builder.ConnectionTimeout);
        _connectionString = builder.ConnectionString;
    }

    public StorageProvider Provider => StorageProvider.MySql;

    public ISqlDialect Dialect => MySqlDialect.Instance;

    /// <summary>How many connections may be open at once (the pool's size).</summary>
    public int MaxOpenConnections { get; }

    // The driver's builder answers ContainsKey for every keyword it knows, set or not; the plain builder lists what the string sets.
    private static bool SetsPoolSize(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() is "maxpoolsize" or "maximumpoolsize");

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (!await _openSlots.WaitAsync(_slotWaitLimit, cancellationToken)) throw new ConnectionSlotTimeoutException(MaxOpenConnections, _slotWaitLimit);
        var connection = new MySqlConnection(_connectionString);
        var released = 0;
        // Disposing is how every caller gives a connection back (the stores use `await using`); Dispose may run twice.
        connection.Disposed += (_, _) =>
        {
            if (Interlocked.Exchange(ref released, 1) == 0) _openSlots.Release();
        };
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
