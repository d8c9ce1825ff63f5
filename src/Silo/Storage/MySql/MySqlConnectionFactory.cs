using System.Data.Common;
using MySql.Data.MySqlClient;

namespace Hospital.Silo.Storage.MySql;

/// <summary>
/// Creates every MySQL/MariaDB connection of the process. This is the only file that names the driver's connection
/// type, so MySql.Data can be swapped for another ADO.NET driver here.
/// </summary>
/// <remarks>MySql.Data's async methods block a thread internally: keep calls few and batched.</remarks>
public sealed class MySqlConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;

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

        _connectionString = builder.ConnectionString;
    }

    public StorageProvider Provider => StorageProvider.MySql;

    public ISqlDialect Dialect => MySqlDialect.Instance;

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new MySqlConnection(_connectionString);
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
