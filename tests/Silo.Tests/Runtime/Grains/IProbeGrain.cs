using Hospital.Grains.Abstractions.Runtime;

namespace Hospital.Silo.Tests.Runtime.Grains;

/// <summary>A grain that watches its own turns: overlaps, interleaving, order, timers, lifecycle.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>Records one call of <paramref name="caller"/>; with <paramref name="yieldInside"/> the call spans an await.</summary>
    Task<int> RecordAsync(int caller, int sequence, bool yieldInside);

    Task<ProbeReport> GetReportAsync();

    /// <summary>Logs "label:start", waits for the gate, logs "label:end".</summary>
    Task HoldAsync(string gate, string label);

    /// <summary>True when code after awaits (timer, thread pool) ran on the activation's own scheduler.</summary>
    Task<bool> AwaitsReturnToActivationAsync();

    Task<string> GetActivationIdAsync();

    Task DeactivateAsync();

    Task ThrowAsync(Exception error, bool afterAwait);

    ValueTask<int> GetTotalAsync();

    ValueTask TouchAsync();

    Task StartTimerAsync(TimeSpan period, string? gate);

    Task StopTimerAsync();
}
