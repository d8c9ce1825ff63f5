namespace Hospital.Grains.Abstractions.Runtime;

/// <summary>What the runtime gives one activation: its identity, the factory, idle control and timers.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    /// <summary>Collect this activation once the current call completes; later calls get a fresh one.</summary>
    void DeactivateOnIdle();

    /// <summary>Registers a timer whose ticks run as turns of this activation, never overlapping, stopped on deactivation.</summary>
    IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period);
}
