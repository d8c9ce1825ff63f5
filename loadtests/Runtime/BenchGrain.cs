using Orleans;

namespace Hospital.LoadTests.Runtime;

/// <summary>Counts calls; a plain field is enough because turns never run in parallel.</summary>
public sealed class BenchGrain : Grain, IBenchGrain
{
    private int _count;

    public Task<int> IncrementAsync() => Task.FromResult(++_count);
}
