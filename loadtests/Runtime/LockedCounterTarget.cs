namespace Hospital.LoadTests.Runtime;

/// <summary>Baseline: a plain object per key behind a lock; no queue, no thread hop.</summary>
internal sealed class LockedCounterTarget(int keys) : IBenchTarget
{
    private readonly Counter[] _counters = Enumerable.Range(0, keys).Select(_ => new Counter()).ToArray();

    public string Name => "lock";

    public Task<int> CallAsync(int key)
    {
        var counter = _counters[key];
        lock (counter) return Task.FromResult(++counter.Count);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Counter
    {
        public int Count;
    }
}
