using System.Data.Common;

namespace Hospital.Silo.Storage.Resilience;

/// <summary>
/// The database is not taking work: the circuit is open after repeated failures, so the operation was refused without
/// trying. A <see cref="DbException"/>, so every handler of database failures treats it as one; callers get 503
/// <c>storage.unavailable</c> with <see cref="RetryAfter"/>.
/// </summary>
public sealed class StorageUnavailableException(string message, TimeSpan retryAfter, Exception? innerException = null)
    : DbException(message, innerException)
{
    /// <summary>When the database is worth trying again: the circuit's next probe.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}
