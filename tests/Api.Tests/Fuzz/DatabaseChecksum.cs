using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Hospital.Silo.Storage;

namespace Hospital.Api.Tests.Fuzz;

/// <summary>A hash of every row of every table, per table, so a test can show a request changed nothing (and name what it changed).</summary>
public sealed class DatabaseChecksum(DbConnection connection, StorageProvider provider)
{
    // The connection comes from the API's factory, whose 2 s command timeout is one request's budget. Reading every table
    // is the test's own bookkeeping, not a request, and once took longer than 2 s on MariaDB in CI (2026-12-05).
    private const int ReadTimeoutSeconds = 60;

    private IReadOnlyList<string>? _tables;

    public async Task<IReadOnlyDictionary<string, string>> ReadAsync()
    {
        _tables ??= await TablesAsync();
        var hashes = new Dictionary<string, string>();
        foreach (var table in _tables)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            command.CommandTimeout = ReadTimeoutSeconds;
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
            // Rows come in no promised order; sorted, two reads of unchanged rows always hash alike.
            rows.Sort(StringComparer.Ordinal);
            foreach (var row in rows) hash.AppendData(Encoding.UTF8.GetBytes(row + '\u001e'));
            hashes[table] = $"{rows.Count}:{Convert.ToHexString(hash.GetHashAndReset())[..16]}";
        }
        return hashes;
    }

    /// <summary>The tables whose hash differs between two reads.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. after.Where(t => before.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key)];

    private async Task<IReadOnlyList<string>> TablesAsync()
    {
        await using var command = connection.CreateCommand();
        command.CommandTimeout = ReadTimeoutSeconds;
        command.CommandText = provider == StorageProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }
}
