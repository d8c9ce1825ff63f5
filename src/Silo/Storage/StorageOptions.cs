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
    /// created when missing); required for MySQL, e.g. <c>Server=127.0.0.1;Port=3306;Database=hospital;Uid=app;Pwd=...;SslMode=None</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The configured connection string, or the default SQLite file when none is set.</summary>
    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && Provider == StorageProvider.Sqlite
            ? $"Data Source={Path.GetFullPath(DefaultSqliteFile)}"
            : ConnectionString ?? string.Empty;
}
