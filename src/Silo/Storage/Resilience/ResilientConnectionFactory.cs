using System.Data.Common;

namespace Hospital.Silo.Storage.Resilience;

/// <summary>
/// The configured connection factory behind the node's <see cref="StorageCircuit"/>: every store opens its connections
/// here, so once the circuit is open no request waits on the database, it gets 503 at once.
/// </summary>
public sealed class ResilientConnectionFactory(IDbConnectionFactory inner, StorageCircuit circuit) : IDbConnectionFactory
{
    public StorageProvider Provider => inner.Provider;

    public ISqlDialect Dialect => inner.Dialect;

    public int BulkCommandTimeoutSeconds => inner.BulkCommandTimeoutSeconds;

    public Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        circuit.ThrowIfOpen();
        return inner.OpenConnectionAsync(cancellationToken);
    }

    public DbConnection OpenConnection()
    {
        circuit.ThrowIfOpen();
        return inner.OpenConnection();
    }
}
