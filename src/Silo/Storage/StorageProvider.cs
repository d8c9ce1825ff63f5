namespace Hospital.Silo.Storage;

/// <summary>Which relational store backs the silo.</summary>
public enum StorageProvider
{
    /// <summary>Embedded default: a file under data/, nothing to install.</summary>
    Sqlite,
    /// <summary>Production: MySQL 8 or MariaDB 10.11, shared by all nodes.</summary>
    MySql,
}
