using Hospital.Grains.Abstractions.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Silo.Runtime.Catalog;

/// <summary>Activation and deactivation. Everything here runs on the activation's scheduler.</summary>
internal sealed partial class ActivationData
{
    private const int NoDeactivation = 0;

    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the activation is Invalid.</summary>
    public Task Deactivated => _deactivated.Task;

    /// <summary>Asks for deactivation once the running turns end, from any thread; the first reason wins.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        if (Interlocked.CompareExchange(ref _requestedDeactivation, 1 + (int)reason, NoDeactivation) == NoDeactivation) RequestPump();
    }

    /// <summary>True when no call ran or waited since <paramref name="age"/> ago (read from the collector's thread).</summary>
    public bool IsIdleFor(TimeSpan age) =>
        State == ActivationState.Valid && QueuedCount == 0 && Volatile.Read(ref _turnsRunning) == 0
        && _catalog.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastTurnEndedAt)) >= age;

    // Started by the first pump, while Creating. Construction is synchronous, so the state stays Creating
    // (participants may subscribe) until the first await.
    private async Task ActivateAsync()
    {
        try
        {
            _scope = _catalog.Services.CreateAsyncScope();
            var scopeContext = _scope.ServiceProvider.GetRequiredService<ActivationScopeContext>();
            scopeContext.Activation = this;
            _grain = (Grain)ActivatorUtilities.CreateInstance(_scope.ServiceProvider, _grainClass);
            _grain.Attach(this);
            SetState(ActivationState.Activating);
            using var cancellation = new CancellationTokenSource(Options.ActivationTimeout, _catalog.TimeProvider);
            await RunActivationStepsAsync(scopeContext.Participants, cancellation.Token)
                .WaitAsync(Options.ActivationTimeout, _catalog.TimeProvider);
        }
        catch (Exception error)
        {
            Log.ActivationFailed(_logger, error, GrainId);
            await FinishAsync(activated: false);
            // Calls queued for this activation share its failure; later ones get a fresh attempt.
            FailMailbox(error);
            return;
        }
        Volatile.Write(ref _lastTurnEndedAt, _catalog.TimeProvider.GetTimestamp());
        Metrics.ActivationAdded();
        SetState(ActivationState.Valid);
        Pump();
    }

    // Participants first (e.g. state loading), so the grain's OnActivateAsync sees loaded state.
    private async Task RunActivationStepsAsync(IReadOnlyList<IActivationParticipant> participants, CancellationToken cancellationToken)
    {
        foreach (var participant in participants) await participant.OnActivateAsync(cancellationToken);
        await _grain!.OnActivateAsync(cancellationToken);
    }

    // Called by the pump before each new turn. True when the pump must not start another turn.
    private bool TryBeginRequestedDeactivation()
    {
        var requested = Volatile.Read(ref _requestedDeactivation);
        if (requested == NoDeactivation) return false;
        var reason = (DeactivationReason)(requested - 1);
        // Idle collection raced with a new call: the activation is not idle any more, keep it.
        if (reason == DeactivationReason.IdleCollection && (!_mailbox.IsEmpty || _turnsRunning > 0))
        {
            Interlocked.CompareExchange(ref _requestedDeactivation, NoDeactivation, requested);
            return false;
        }
        // Wait for running turns (reentrant grains); the last one to end pumps again.
        if (_turnsRunning == 0) _ = DeactivateAsync(reason);
        return true;
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        SetState(ActivationState.Deactivating);
        StopTimers();
        try
        {
            using var cancellation = new CancellationTokenSource(Options.DeactivationTimeout, _catalog.TimeProvider);
            await _grain!.OnDeactivateAsync(reason, cancellation.Token).WaitAsync(Options.DeactivationTimeout, _catalog.TimeProvider);
        }
        catch (Exception error)
        {
            Log.DeactivationFailed(_logger, error, GrainId, reason);
        }
        await FinishAsync(activated: true);
        Log.Deactivated(_logger, GrainId, reason);
        RerouteMailbox();
    }

    // Leaves the catalog before becoming Invalid, so a caller who sees Invalid always finds the entry gone.
    private async Task FinishAsync(bool activated)
    {
        StopTimers(); // again: a failed OnActivateAsync may have registered some
        try
        {
            await _scope.DisposeAsync();
        }
        catch (Exception error)
        {
            Log.ScopeDisposeFailed(_logger, error, GrainId);
        }
        _catalog.Remove(this);
        if (activated) Metrics.ActivationRemoved();
        SetState(ActivationState.Invalid);
        _deactivated.TrySetResult();
    }
}
