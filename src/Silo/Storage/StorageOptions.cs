namespace Hospital.Silo.Storage;

/// <summary>
/// Which database the silo stores its state in; bound from the "Storage" configuration section
/// and validated when the host starts (<see cref="StorageOptionsValidator"/>).
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary>The SQLite file used when no connection string is configured, relative to the current directory.</summary>
    public const string DefaultSqliteFile = "data/hospital.db";

    /// <summary>The store to use. Default: <see cref="StorageProvider.Sqlite"/>, which needs nothing installed.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The provider's connection string. Optional for SQLite (default: <see cref="DefaultSqliteFile"/>, its folder is
    /// created when missing), where a bare file path such as <c>data/hospital.db</c> is accepted too; required for
    /// MySQL, e.g. <c>Server=127.0.0.1;Port=3306;Database=hospital;Uid=app;Pwd=...;SslMode=None</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The configured connection string; for SQLite a bare file path (no <c>key=value</c> pair) or nothing at all is
    /// turned into <c>Data Source=</c> with the path made absolute against the current directory.
    /// </summary>
    public string EffectiveConnectionString => Provider switch
    {
        StorageProvider.Sqlite when string.IsNullOrWhiteSpace(ConnectionString) => SqliteFile(DefaultSqliteFile),
        // The README names the setting by its default, a file path, so people write one; a real SQLite connection
        // string always contains '=', which a file name practically never does.
        StorageProvider.Sqlite when !ConnectionString!.Contains('=') => SqliteFile(ConnectionString.Trim()),
        _ => ConnectionString ?? string.Empty,
    };

    private static string SqliteFile(string path) => $"Data Source={Path.GetFullPath(path)}";
}
