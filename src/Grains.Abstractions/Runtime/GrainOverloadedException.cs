namespace Hospital.Grains.Abstractions.Runtime;

/// <summary>Thrown at once, instead of queueing, when an activation's mailbox is past its bound.</summary>
public sealed class GrainOverloadedException(GrainId grainId, int queued, TimeSpan retryAfter)
    : Exception($"{grainId} is overloaded ({queued} calls queued); retry after {retryAfter.TotalSeconds:0.#} s.")
{
    public GrainId GrainId { get; } = grainId;

    /// <summary>How long a well-behaved caller should wait before retrying.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}
