using Dapper;
using Microsoft.Extensions.Logging;

namespace Hospital.Silo.Storage.Migrations;

/// <summary>
/// Brings the database up to the newest embedded schema: applies every numbered script not yet recorded in
/// schema_version, in version order, and records it. Safe to run on every start and from several nodes at once.
/// </summary>
/// <remarks>
/// All pending scripts run in one transaction under the dialect's schema lock. On SQLite the transaction is
/// BEGIN IMMEDIATE (one writer per file) and DDL is transactional, so a failed script leaves nothing behind.
/// On MySQL the GET_LOCK serialises nodes; DDL commits implicitly there, so a failed script stays half-applied
/// and its version unrecorded (see Storage/Schema/README.md).
/// </remarks>
public sealed partial class SchemaMigrator(IDbConnectionFactory connectionFactory, TimeProvider timeProvider, ILogger<SchemaMigrator> logger)
{
    private const string RecordVersionSql =
        "INSERT INTO schema_version (version, description, applied_at) VALUES (@Version, @Description, @AppliedAt)";

    /// <summary>Applies the pending scripts and returns the versions this call applied (empty when up to date).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var provider = connectionFactory.Provider;
        var scripts = SchemaScripts.Migrations(provider);
        // A script may move a whole table's rows: far longer than a request's command may take.
        var timeout = connectionFactory.BulkCommandTimeoutSeconds;
        await using var connection = await connectionFactory.OpenConnectionAsync(cancellationToken);
        await using var schemaLock = await connectionFactory.Dialect.AcquireSchemaLockAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await connection.ExecuteAsync(new CommandDefinition(
            SchemaScripts.VersionTable(provider), transaction: transaction, commandTimeout: timeout, cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT version FROM schema_version", transaction: transaction, commandTimeout: timeout, cancellationToken: cancellationToken))).ToHashSet();
        var pending = scripts.Where(script => !applied.Contains(script.Version)).ToList();

        foreach (var script in pending)
        {
            LogApplying(provider, script.Version, script.Description);
            await connection.ExecuteAsync(new CommandDefinition(
                script.Sql, transaction: transaction, commandTimeout: timeout, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                RecordVersionSql,
                new { script.Version, script.Description, AppliedAt = timeProvider.GetUtcNow().UtcDateTime },
                transaction,
                commandTimeout: timeout,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        LogUpToDate(provider, scripts.Count == 0 ? 0 : scripts[^1].Version, pending.Count);
        return pending.Select(script => script.Version).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Provider} schema script {Version} ({Description})")]
    private partial void LogApplying(StorageProvider provider, int version, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} schema is at version {Version}; {AppliedCount} script(s) applied now")]
    private partial void LogUpToDate(StorageProvider provider, int version, int appliedCount);
}
