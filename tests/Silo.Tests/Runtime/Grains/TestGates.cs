using System.Collections.Concurrent;

namespace Hospital.Silo.Tests.Runtime.Grains;

/// <summary>Named gates grain code can wait on and tests open, to hold a turn open deterministically.</summary>
public static class TestGates
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> s_gates = new();

    public static Task WaitAsync(string gate) => Get(gate).Task;

    public static void Open(string gate) => Get(gate).TrySetResult();

    private static TaskCompletionSource Get(string gate) =>
        s_gates.GetOrAdd(gate, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
