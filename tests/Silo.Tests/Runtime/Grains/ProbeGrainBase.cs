using Hospital.Grains.Abstractions.Runtime;

namespace Hospital.Silo.Tests.Runtime.Grains;

/// <summary>
/// The probe's code. Every synchronous piece of it is bracketed by <see cref="Enter"/>/<see cref="Exit"/>,
/// which count overlaps: if the runtime ever ran two pieces of one activation at once, Overlaps becomes non-zero.
/// Plain fields are used on purpose: the runtime promises they need no locks.
/// </summary>
public abstract class ProbeGrainBase : Grain
{
    private readonly string _activationId = Guid.NewGuid().ToString("N");
    private readonly ProbeStats _stats;
    private readonly Dictionary<int, List<int>> _sequences = [];
    private readonly List<string> _events = [];
    private int _running;
    private int _overlaps;
    private int _inFlight;
    private int _maxInFlight;
    private int _total;
    private int _timerTicks;
    private IGrainTimer? _timer;

    protected ProbeGrainBase(IGrainContext context)
    {
        // IGrainContext is resolvable from the activation's scope: the key is known at construction.
        _stats = ProbeStats.For(context.GrainId.Key);
        Interlocked.Increment(ref _stats.Constructions);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Enter();
        Interlocked.Increment(ref _stats.Activations);
        Exit();
        await Task.Yield();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A few awaits widen the window in which calls arrive during deactivation.
        for (var i = 0; i < 3; i++) await Task.Yield();
        _stats.Deactivations.Enqueue(reason);
        // Keys starting with "stuck" never finish deactivating (and ignore the token): the runtime must drop them anyway.
        var key = GetPrimaryKeyString();
        if (key.StartsWith("stuck", StringComparison.Ordinal)) await TestGates.WaitAsync(key);
    }

    public async Task<int> RecordAsync(int caller, int sequence, bool yieldInside)
    {
        Enter();
        _maxInFlight = Math.Max(_maxInFlight, ++_inFlight);
        if (!_sequences.TryGetValue(caller, out var sequences)) _sequences[caller] = sequences = [];
        sequences.Add(sequence);
        var total = ++_total;
        Interlocked.Increment(ref _stats.CallsExecuted);
        if (yieldInside)
        {
            Exit();
            await Task.Yield();
            Enter();
        }
        _inFlight--;
        Exit();
        return total;
    }

    public Task<ProbeReport> GetReportAsync() => Task.FromResult(new ProbeReport(
        _total, _overlaps, _maxInFlight, _timerTicks,
        _sequences.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<int>)[.. pair.Value]),
        [.. _events]));

    public async Task HoldAsync(string gate, string label)
    {
        Log($"{label}:start");
        await TestGates.WaitAsync(gate);
        Log($"{label}:end");
    }

    public async Task<bool> AwaitsReturnToActivationAsync()
    {
        var scheduler = TaskScheduler.Current;
        await Task.Delay(1);
        var afterTimer = TaskScheduler.Current;
        await Task.Run(() => { });
        var afterThreadPool = TaskScheduler.Current;
        return scheduler != TaskScheduler.Default && afterTimer == scheduler && afterThreadPool == scheduler;
    }

    public Task<string> GetActivationIdAsync() => Task.FromResult(_activationId);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task ThrowAsync(Exception error, bool afterAwait)
    {
        if (afterAwait) await Task.Yield();
        throw error;
    }

    public ValueTask<int> GetTotalAsync() => ValueTask.FromResult(_total);

    public ValueTask TouchAsync() => ValueTask.CompletedTask;

    public Task StartTimerAsync(TimeSpan period, string? gate)
    {
        _timer = RegisterGrainTimer(cancellationToken => TickAsync(gate), period, period);
        return Task.CompletedTask;
    }

    public Task StopTimerAsync()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    private async Task TickAsync(string? gate)
    {
        Enter();
        _timerTicks++;
        Interlocked.Increment(ref _stats.TimerTicks);
        Exit();
        if (gate is not null) await HoldAsync(gate, "tick");
    }

    private void Log(string entry)
    {
        Enter();
        _events.Add(entry);
        Exit();
    }

    private void Enter()
    {
        if (Interlocked.Increment(ref _running) != 1) Interlocked.Increment(ref _overlaps);
    }

    private void Exit() => Interlocked.Decrement(ref _running);
}
