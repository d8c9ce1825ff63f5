namespace Hospital.Grains.Abstractions.Runtime;

/// <summary>
/// Base class of every grain. The runtime attaches the context right after construction,
/// so use it from <see cref="OnActivateAsync"/> on, never in a constructor.
/// </summary>
public abstract class Grain
{
    private IGrainContext? _context;

    /// <summary>The activation's context; available from <see cref="OnActivateAsync"/> on.</summary>
    public IGrainContext GrainContext =>
        _context ?? throw new InvalidOperationException("The grain context is attached after construction; use it from OnActivateAsync on.");

    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    /// <summary>The key this activation was created for.</summary>
    protected string GetPrimaryKeyString() => GrainContext.GrainId.Key;

    /// <summary>Runs once, after persistent state is loaded and before the first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once when the activation is collected; timers are already stopped.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    protected void DeactivateOnIdle() => GrainContext.DeactivateOnIdle();

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        GrainContext.RegisterGrainTimer(callback, dueTime, period);

    internal void Attach(IGrainContext context) => _context = context;
}
