using System.Data.Common;
using Hospital.Silo.Storage;

namespace Hospital.Silo.Tests.Storage;

/// <summary>A real connection factory that runs <paramref name="opened"/> after each connection it opens, on the opening thread.</summary>
internal sealed class ConnectionOpenedHook(IDbConnectionFactory inner, Action opened) : IDbConnectionFactory
{
    public StorageProvider Provider => inner.Provider;

    public ISqlDialect Dialect => inner.Dialect;

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await inner.OpenConnectionAsync(cancellationToken);
        opened();
        return connection;
    }

    public DbConnection OpenConnection()
    {
        var connection = inner.OpenConnection();
        opened();
        return connection;
    }
}
