using System.Data.Common;
using Orleans;

namespace Hospital.Silo.Storage.Resilience;

/// <summary>
/// The database is not taking work: the circuit is open after repeated failures, so the operation was refused without
/// trying. A <see cref="DbException"/>, so every handler of database failures treats it as one; callers get 503
/// <c>storage.unavailable</c> with <see cref="RetryAfter"/>. Thrown inside grains, so it crosses grain calls.
/// </summary>
[GenerateSerializer, Alias("Hospital.StorageUnavailableException")]
public sealed class StorageUnavailableException(string message, TimeSpan retryAfter, Exception? innerException = null)
    : DbException(message, innerException)
{
    /// <summary>When the database is worth trying again: the circuit's next probe.</summary>
    [Id(0)]
    public TimeSpan RetryAfter { get; } = retryAfter;
}
