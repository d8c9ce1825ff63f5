using System.Data.Common;
using Dapper;

namespace Hospital.Silo.Storage;

/// <summary>
/// A connection taken from the pool with a transaction begun on it, whose begin, commit and rollback are plain commands,
/// so the connection's command timeout bounds each of them. MySqlConnector's own BeginTransaction reads the server's answer
/// with no timeout at all: with the server stalled, the batch writer, and with it every pool of the node, waited for as long
/// as the stall lasted (found by StalledDatabaseContract). The driver does not know of the transaction, so commands run
/// with no transaction object. Disposing it rolls back whatever was not committed and returns the connection; a
/// connection whose rollback failed is never handed out again, as it may still be inside the transaction.
/// </summary>
internal sealed class CommandTransaction : IDisposable
{
    private readonly ISqlDialect _dialect;
    private bool _ended;

    private CommandTransaction(DbConnection connection, ISqlDialect dialect) => (Connection, _dialect) = (connection, dialect);

    public DbConnection Connection { get; }

    /// <summary>Opens a connection and begins a transaction on it, synchronously, on the calling thread.</summary>
    public static CommandTransaction Begin(IDbConnectionFactory connections)
    {
        var connection = connections.OpenConnection();
        try
        {
            connection.Execute(connections.Dialect.BeginTransaction);
            return new CommandTransaction(connection, connections.Dialect);
        }
        catch
        {
            connections.Dialect.ClearPool(connection); // the begin may have reached the server
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Commits, waiting at most the connection's command timeout or <paramref name="timeoutSeconds"/>.</summary>
    public void Commit(int? timeoutSeconds = null)
    {
        _ended = true; // a COMMIT that failed is not rolled back: its outcome is the server's
        Connection.Execute(new CommandDefinition("COMMIT", commandTimeout: timeoutSeconds));
    }

    public void Dispose()
    {
        try
        {
            if (!_ended) Connection.Execute("ROLLBACK");
        }
        catch (Exception)
        {
            _dialect.ClearPool(Connection);
        }
        Connection.Dispose();
    }
}
