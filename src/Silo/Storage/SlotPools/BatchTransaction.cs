using System.Data.Common;

namespace Hospital.Silo.Storage.SlotPools;

/// <summary>
/// A connection taken from the pool with a transaction begun on it, before the batch writer knows what it will write:
/// those round trips (MySqlConnector's reset of a pooled connection, the begin) then overlap with the pools' decisions
/// instead of delaying the batches. Disposing it rolls back whatever was not committed and returns the connection.
/// </summary>
internal sealed class BatchTransaction : IDisposable
{
    private BatchTransaction(DbConnection connection, DbTransaction transaction) => (Connection, Transaction) = (connection, transaction);

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>Opens a connection and begins a transaction on it, synchronously, on the calling thread.</summary>
    public static BatchTransaction Begin(IDbConnectionFactory connections)
    {
        var connection = connections.OpenConnection();
        try
        {
            return new BatchTransaction(connection, connection.BeginTransaction());
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Transaction.Dispose();
        Connection.Dispose();
    }
}
