using System.Collections.Concurrent;
using Hospital.Grains.Abstractions.Runtime;

namespace Hospital.Silo.Tests.Runtime.Grains;

/// <summary>What happened to all activations of one key; survives the activations themselves.</summary>
public sealed class ProbeStats
{
    private static readonly ConcurrentDictionary<string, ProbeStats> s_byKey = new();

    public int Constructions;
    public int Activations;
    public int CallsExecuted;
    public int TimerTicks;

    public ConcurrentQueue<DeactivationReason> Deactivations { get; } = new();

    public static ProbeStats For(string key) => s_byKey.GetOrAdd(key, _ => new ProbeStats());
}
