using Hospital.Grains.Abstractions.Runtime;
using Hospital.Silo.Runtime.Timers;

namespace Hospital.Silo.Runtime.Catalog;

/// <summary>The activation's grain timers: created by grain code, all stopped when deactivation starts.</summary>
internal sealed partial class ActivationData
{
    // Guarded by itself: grain code registers on the scheduler, but a timer may be disposed from anywhere.
    private readonly List<GrainTimer> _timers = [];

    public IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var state = State;
        if (state is ActivationState.Deactivating or ActivationState.Invalid)
        {
            throw new InvalidOperationException($"{GrainId} is deactivating; it cannot register timers.");
        }
        var timer = new GrainTimer(this, callback, _catalog.TimeProvider);
        lock (_timers) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Forgets a disposed timer.</summary>
    public void OnTimerDisposed(GrainTimer timer)
    {
        lock (_timers) _timers.Remove(timer);
    }

    private void StopTimers()
    {
        GrainTimer[] timers;
        lock (_timers) timers = [.. _timers];
        foreach (var timer in timers) timer.Dispose();
    }
}
