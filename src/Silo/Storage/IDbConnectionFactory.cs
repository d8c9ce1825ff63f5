using System.Data.Common;

namespace Hospital.Silo.Storage;

/// <summary>The one place database connections come from, so a driver can be swapped in one file.</summary>
public interface IDbConnectionFactory
{
    StorageProvider Provider { get; }

    /// <summary>The provider's differences (schema lock, duplicate-key errors) for code that writes portable SQL.</summary>
    ISqlDialect Dialect { get; }

    /// <summary>Opens a new connection; the caller disposes it.</summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a new connection synchronously, for the batch writer's thread of its own, which blocks on its calls; the
    /// caller disposes it.
    /// </summary>
    DbConnection OpenConnection();

    /// <summary>
    /// Seconds one command of the schema migration or of planning may take: they write megabytes at once, off the request
    /// path, where the connection's own command timeout is kept short so that a stalled database fails requests fast.
    /// </summary>
    int BulkCommandTimeoutSeconds => Resilience.StorageTimeoutOptions.Seconds(new Resilience.StorageTimeoutOptions().BulkCommandTimeout);
}
