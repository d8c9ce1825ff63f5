namespace Hospital.Grains.Abstractions.Runtime;

/// <summary>Thrown to a caller whose call did not complete within the configured call timeout.</summary>
public sealed class GrainCallTimeoutException(GrainId grainId, string method, TimeSpan timeout)
    : TimeoutException($"{grainId}.{method} did not complete within {timeout.TotalSeconds:0.###} s.")
{
    public GrainId GrainId { get; } = grainId;
}
