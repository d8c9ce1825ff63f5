namespace Hospital.Grains.Abstractions.Storage;

/// <summary>
/// A grain's durable state, loaded before the grain's first call. Writes are checked against
/// <see cref="Etag"/>: a stale write throws <see cref="InconsistentStateException"/> and never overwrites.
/// </summary>
public interface IPersistentState<TState> where TState : new()
{
    TState State { get; set; }

    /// <summary>The stored version this state was read at; null when no record exists yet.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
